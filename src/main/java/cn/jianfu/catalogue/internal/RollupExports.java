package cn.jianfu.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Rollup.Column;
import cn.jianfu.catalogue.internal.Rollup.Node;
import cn.jianfu.catalogue.internal.Rollup.Report;
import cn.jianfu.platform.Problem;

/**
 * The roll-up as handed to other systems: an Excel workbook (what the page shows, headers
 * in Chinese and English with indicator codes) and IHE ADX XML (the aggregate data
 * exchange format DHIS2 reads: one {@code group} per unit and period, one
 * {@code dataValue} per indicator).
 */
@Component
public class RollupExports {

	/** The namespace of IHE QRPH ADX (2015), as DHIS2 reads and writes it. */
	public static final String ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";

	/** Fixed columns of the workbook before the indicators: Chinese and English. */
	public static final List<String> HEADERS = List.of("单位代码 Unit code", "单位 Unit", "层级 Level", "上级 Parent",
			"应报 Expected", "已报 Submitted", "按时 On time", "完成率 Completeness");

	/**
	 * The roll-up as .xlsx, one row per unit of the view. Numbers are numeric cells; text
	 * is a text cell, and text that a spreadsheet could take for a formula (= + - @) is
	 * marked quote-prefixed, so that editing the cell never turns it into one. No formula
	 * is ever written.
	 */
	public byte[] xlsx(Report report) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			Sheet sheet = workbook.createSheet("汇总");
			Row title = sheet.createRow(0);
			text(title, 0, report.title() + "（" + report.period() + "）", quoted);
			Row header = sheet.createRow(1);
			for (int c = 0; c < HEADERS.size(); c++) {
				header.createCell(c).setCellValue(HEADERS.get(c));
			}
			for (int c = 0; c < report.columns().size(); c++) {
				Column column = report.columns().get(c);
				text(header, HEADERS.size() + c, column.label() + " [" + column.code() + "]", quoted);
			}
			int r = 2;
			for (Node node : report.nodes()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(node.code());
				text(row, 1, node.name(), quoted);
				row.createCell(2).setCellValue(node.level());
				row.createCell(3).setCellValue(node.parent() == null ? "" : node.parent());
				row.createCell(4).setCellValue(node.expected());
				row.createCell(5).setCellValue(node.submitted());
				row.createCell(6).setCellValue(node.onTime());
				var completeness = row.createCell(7);
				completeness.setCellValue(node.completeness());
				completeness.setCellStyle(percent);
				for (int c = 0; c < report.columns().size(); c++) {
					String value = node.values().getOrDefault(report.columns().get(c).code(), "");
					BigDecimal number = Rollup.number(value);
					if (number != null) {
						row.createCell(HEADERS.size() + c).setCellValue(number.doubleValue());
					}
					else {
						text(row, HEADERS.size() + c, value, quoted);
					}
				}
			}
			sheet.createFreezePane(2, 2);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void text(Row row, int column, String value, CellStyle quoted) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (Rollup.startsLikeFormula(value)) {
			cell.setCellStyle(quoted);
		}
	}

	/**
	 * The roll-up as ADX: root {@code adx} in {@link #ADX_NAMESPACE} with the time of
	 * export; per unit of the view a {@code group} with {@code orgUnit} (the division
	 * code), {@code period} (ISO 8601 start and duration: 2026-11-01/P1M, 2026-07-01/P3M,
	 * 2026-01-01/P1Y) and {@code dataSet} (the form), holding one {@code dataValue} per
	 * indicator with a numeric value ({@code dataElement} = indicator code). Recipients
	 * carry their submitted values, higher units the roll-up's sums and means. A one-off
	 * form has no period and is refused.
	 */
	public byte[] adx(Report report) {
		String period = adxPeriod(report.periodType(), report.period());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("adx");
			xml.writeDefaultNamespace(ADX_NAMESPACE);
			xml.writeAttribute("exported", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
			for (Node node : report.nodes()) {
				xml.writeStartElement("group");
				xml.writeAttribute("orgUnit", node.code());
				xml.writeAttribute("period", period);
				xml.writeAttribute("dataSet", "JIANFU-FORM-" + report.demandId());
				for (Column column : report.columns()) {
					String value = node.values().getOrDefault(column.code(), "");
					BigDecimal number = Rollup.number(value);
					if (number == null) {
						continue;
					}
					xml.writeEmptyElement("dataValue");
					xml.writeAttribute("dataElement", column.code());
					xml.writeAttribute("value", number.toPlainString());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("ADX could not be written", ex);
		}
		return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
	}

	/** A period label (2026-11, 2026Q3, 2026) as ADX's ISO 8601 start/duration. */
	public static String adxPeriod(PeriodType type, String period) {
		return switch (type) {
			case MONTH -> period + "-01/P1M";
			case QUARTER -> period.substring(0, 4) + "-"
					+ String.format(java.util.Locale.ROOT, "%02d", (period.charAt(5) - '1') * 3 + 1) + "-01/P3M";
			case YEAR -> period + "-01-01/P1Y";
			case ONCE -> throw Problem.badRequest("catalogue.rollup.adx-once");
		};
	}

}
