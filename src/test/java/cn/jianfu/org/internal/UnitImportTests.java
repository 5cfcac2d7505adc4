package cn.jianfu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jianfu.DatabaseTest;
import cn.jianfu.org.ImportSummary;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Scope;

@DatabaseTest
class UnitImportTests {

	static final String HEADER = "code,name,level,parent_code\n";

	/**
	 * A province of its own per test, so that tests sharing the context do not see each
	 * other's units.
	 */
	static String province(int n) {
		return "%02d0000000000".formatted(n);
	}

	@Autowired
	UnitImport unitImport;

	@Autowired
	ImportUnitsCommand command;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	ImportSummary run(String csv, boolean dryRun) {
		return this.unitImport.importCsv(new StringReader(csv), "test.csv", null, dryRun, "system");
	}

	static String tree(int p) {
		String prov = province(p);
		String city = prov.substring(0, 2) + "01" + "00000000";
		String county = prov.substring(0, 2) + "0151000000";
		return HEADER + prov + ",测试省,1,\n" + city + ",市辖区,2," + prov + "\n" + county + ",测试区,3," + city + "\n"
				+ prov.substring(0, 2) + "0151001000,甲街道,4," + county + "\n" + prov.substring(0, 2)
				+ "0151001001,乙社区,5," + prov.substring(0, 2) + "0151001000\n";
	}

	long count(int p) {
		return this.jdbc.sql("select count(*) from unit where code like :p")
			.param("p", province(p).substring(0, 2) + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void importsAWholeTreeWithPathsFromTheRoot() {
		ImportSummary summary = run(tree(90), false);
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.created()).isEqualTo(5);
		Scope scope = new Scope("900000000000", "/900000000000/");
		assertThat(this.orgChart.require(scope, "900151001001").path())
			.isEqualTo("/900000000000/900100000000/900151000000/900151001000/900151001001/");
	}

	@Test
	void dryRunReportsButWritesNothing() {
		ImportSummary summary = run(tree(91), true);
		assertThat(summary.created()).isEqualTo(5);
		assertThat(summary.written()).isFalse();
		assertThat(count(91)).isZero();
	}

	@Test
	void reimportingTheSameFileChangesNothing() {
		run(tree(92), false);
		ImportSummary again = run(tree(92), false);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.ignored()).isEqualTo(5);
		assertThat(count(92)).isEqualTo(5);
	}

	@Test
	void renamedUnitIsUpdated() {
		run(tree(93), false);
		ImportSummary summary = run(tree(93).replace("乙社区", "乙社区居委会"), false);
		assertThat(summary.updated()).isEqualTo(1);
		assertThat(summary.ignored()).isEqualTo(4);
		Scope scope = new Scope("930000000000", "/930000000000/");
		assertThat(this.orgChart.require(scope, "930151001001").name()).isEqualTo("乙社区居委会");
	}

	@Test
	void oneBadRowImportsNothingAndNamesTheRowAndField() {
		String csv = tree(94) + "940151001002,丙社区,4,940151001000\n";
		ImportSummary summary = run(csv, false);
		assertThat(summary.written()).isFalse();
		assertThat(summary.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(7);
			assertThat(e.field()).isEqualTo("level");
			assertThat(e.code()).isEqualTo("import.units.level.mismatch");
			assertThat(e.messageZh()).contains("940151001002").contains("第 5 级");
			assertThat(e.messageEn()).contains("level 5");
		});
		assertThat(count(94)).isZero();
	}

	@Test
	void reportsEveryKindOfBadRow() {
		String csv = HEADER + "95000000000,短代码,1,\n" // code too short
				+ "950000000000,,1,\n" // blank name
				+ "950000000000,重复,1,\n" // duplicate (of the row above, which failed on
											// its name)
				+ "950100000000,市辖区,7,950000000000\n" // bad level
				+ "950200000000,县,2,960000000000\n" // parent not implied by the code
				+ "970100000000,孤儿,2,970000000000\n" // parent missing
				+ "950000000001,多列,5,950000000000,extra\n" // column count
				+ "950000000000,省,1,940000000000\n"; // province with a parent
		ImportSummary summary = run(csv, false);
		assertThat(summary.errors()).extracting(ImportSummary.RowError::row, ImportSummary.RowError::code)
			.contains(org.assertj.core.groups.Tuple.tuple(2L, "import.units.code.format"),
					org.assertj.core.groups.Tuple.tuple(3L, "import.units.name.blank"),
					org.assertj.core.groups.Tuple.tuple(5L, "import.units.level.invalid"),
					org.assertj.core.groups.Tuple.tuple(6L, "import.units.parent.mismatch"),
					org.assertj.core.groups.Tuple.tuple(7L, "import.units.parent.missing"),
					org.assertj.core.groups.Tuple.tuple(8L, "import.units.columns"),
					org.assertj.core.groups.Tuple.tuple(9L, "import.units.code.duplicate"));
		assertThat(count(95)).isZero();
	}

	@Test
	void rejectsAWrongHeader() {
		ImportSummary summary = run("code;name;level;parent\n990000000000;省;1;\n", false);
		assertThat(summary.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(1);
			assertThat(e.field()).isEqualTo("header");
		});
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThat(run("", false).errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("header"));
	}

	@Test
	void skipsCommentsAndByteOrderMark() {
		ImportSummary summary = run("\uFEFF" + tree(96).replace("\n96", "\n# a comment\n96"), false);
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.created()).isEqualTo(5);
	}

	@Test
	void anAdministratorCannotImportOutsideTheirScope() {
		run(tree(97), false);
		Scope county = new Scope("970151000000", "/970000000000/970100000000/970151000000/");
		String inside = HEADER + "970151002000,新街道,4,970151000000\n";
		String outside = HEADER + "970152000000,邻区,3,970100000000\n";
		assertThat(this.unitImport.importCsv(new StringReader(inside), "in.csv", county, false, "admin").errors())
			.isEmpty();
		assertThat(this.unitImport.importCsv(new StringReader(outside), "out.csv", county, false, "admin").errors())
			.singleElement()
			.satisfies(e -> assertThat(e.code()).isEqualTo("import.units.scope"));
	}

	@Test
	void commandLineImportsAndReportsBilingualErrorsWithFileAndRow(@TempDir Path dir) throws Exception {
		Path good = dir.resolve("good.csv");
		Files.writeString(good, tree(98), StandardCharsets.UTF_8);
		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, HEADER + "98000000000X,坏,1,\n", StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		assertThat(this.command.run(List.of(good.toString(), "--dry-run"), print, print)).isZero();
		assertThat(count(98)).isZero();
		assertThat(this.command.run(List.of(good.toString()), print, print)).isZero();
		assertThat(count(98)).isEqualTo(5);
		assertThat(this.command.run(List.of(bad.toString()), print, print)).isEqualTo(2);
		assertThat(this.command.run(List.of(dir.resolve("missing.csv").toString()), print, print)).isEqualTo(2);
		assertThat(this.command.run(List.of(), print, print)).isEqualTo(2);
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("bad.csv 第 2 行 row 2, code").contains("不是 12 位数字").contains("12-digit");
		assertThat(text).contains("File not found");
	}

}
