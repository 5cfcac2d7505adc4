package cn.jianfu.ledger.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

import cn.jianfu.ledger.internal.Table;

/**
 * Writes a dashboard table as CSV (UTF-8 with a byte-order mark, so that Excel opens
 * Chinese text correctly) or as an Excel workbook, with headers in the reader's language.
 * Text cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
 */
final class TableExport {

	private TableExport() {
	}

	static byte[] csv(Table table, MessageSource messages, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			writer.write('\uFEFF');
			printer.printRecord(headers(table, messages, locale));
			for (List<Table.Cell> row : table.rows()) {
				printer.printRecord(row.stream().map(c -> value(c, messages, locale)).toList());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	static byte[] xlsx(Table table, MessageSource messages, Locale locale) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(table.key());
			Row header = sheet.createRow(0);
			List<String> headers = headers(table, messages, locale);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			int r = 1;
			for (List<Table.Cell> cells : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < cells.size(); i++) {
					Table.Cell cell = cells.get(i);
					if (cell.number() != null) {
						row.createCell(i).setCellValue(cell.number().doubleValue());
					}
					else {
						row.createCell(i).setCellValue(text(cell, messages, locale));
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> headers(Table table, MessageSource messages, Locale locale) {
		return table.headerKeys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList();
	}

	private static Object value(Table.Cell cell, MessageSource messages, Locale locale) {
		return (cell.number() != null) ? cell.number().toString() : safe(text(cell, messages, locale));
	}

	private static String text(Table.Cell cell, MessageSource messages, Locale locale) {
		if (cell.key() != null) {
			return messages.getMessage(cell.key(), null, cell.key(), locale);
		}
		return (cell.text() == null) ? "" : cell.text();
	}

	private static String safe(String text) {
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
