package cn.jianfu.org.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.jianfu.org.ImportSummary;
import cn.jianfu.platform.Subcommand;

/**
 * {@code import-units FILE [--dry-run]}: imports units from a UTF-8 CSV file as the
 * system, printing the summary in Chinese and English. Exits 0 when the file imported (or
 * would), 2 when it has errors (nothing was written).
 */
@Component
class ImportUnitsCommand implements Subcommand {

	private final UnitImport unitImport;

	ImportUnitsCommand(UnitImport unitImport) {
		this.unitImport = unitImport;
	}

	@Override
	public String name() {
		return "import-units";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		boolean dryRun = args.contains("--dry-run");
		List<String> files = args.stream().filter(a -> !a.equals("--dry-run")).toList();
		if (files.size() != 1 || files.get(0).startsWith("-")) {
			err.println("用法 Usage: import-units FILE [--dry-run]");
			return 2;
		}
		Path file = Path.of(files.get(0));
		ImportSummary summary;
		try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			summary = this.unitImport.importCsv(csv, file.getFileName().toString(), null, dryRun, "system");
		}
		catch (NoSuchFileException ex) {
			err.println("文件不存在 File not found: " + file);
			return 2;
		}
		catch (IOException ex) {
			err.println("无法读取文件 Cannot read file: " + file + ": " + ex.getMessage());
			return 2;
		}
		String mode = dryRun ? "（试运行，未写入 dry run, nothing written）" : "";
		out.printf("%s%s%n新建 created: %d, 更新 updated: %d, 未变 ignored: %d, 错误 errors: %d%n", file, mode,
				summary.created(), summary.updated(), summary.ignored(), summary.errors().size());
		for (ImportSummary.RowError error : summary.errors()) {
			out.printf("  %s 第 %d 行 row %d, %s: %s / %s%n", file.getFileName(), error.row(), error.row(), error.field(),
					error.messageZh(), error.messageEn());
		}
		if (!summary.ok()) {
			out.println("有错误，未导入任何数据 Errors found: nothing was imported");
			return 2;
		}
		return 0;
	}

}
