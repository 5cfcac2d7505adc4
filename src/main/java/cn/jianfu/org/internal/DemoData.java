package cn.jianfu.org.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.org.ImportSummary;
import cn.jianfu.org.Role;

/**
 * Loads the demo organisation on first start ({@code jianfu.demo=true}, the default):
 * 重庆市铜梁区 with its streets, towns and some communities, 重庆市开州区 for scoping, their
 * departments, and one account per role, each with the password {@value #PASSWORD}. A
 * marker row makes it run once; {@code --jianfu.demo=false} skips it.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "jianfu-demo";

	static final String MARKER = "demo.org.loaded";

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	static final String KAIZHOU = "500154000000";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UnitImport unitImport;

	private final Departments departments;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoData(UnitImport unitImport, Departments departments, Accounts accounts, PasswordEncoder passwords,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.unitImport = unitImport;
		this.departments = departments;
		this.accounts = accounts;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		boolean loaded = this.jdbc.sql("select count(*) from platform_setting where setting_key = :key")
			.param("key", MARKER)
			.query(Long.class)
			.single() > 0;
		if (loaded) {
			return;
		}
		ImportSummary units;
		try (Reader csv = reader("demo/units.csv")) {
			units = this.unitImport.importCsv(csv, "demo/units.csv", null, false, "system");
		}
		if (!units.ok()) {
			throw new IllegalStateException("demo units do not import: " + units.errors());
		}
		this.transactions.executeWithoutResult(status -> {
			loadDepartments();
			createAccounts();
			this.jdbc.sql(
					"insert into platform_setting (setting_key, setting_value, updated_at) values (:key, 'true', :now)")
				.param("key", MARKER)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		});
		log.info(
				"Demo organisation loaded: {} units; accounts admin, gatekeeper, issuer, township, village, supervisor,"
						+ " kaizhou.issuer (password {})",
				units.created(), PASSWORD);
	}

	private void loadDepartments() {
		try (Reader csv = reader("demo/departments.csv")) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setCommentMarker('#')
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreSurroundingSpaces(true)
				.get()
				.parse(csv)) {
				this.departments.add(row.get("unit_code"), row.get("name"), row.get("field"));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("demo departments cannot be read", ex);
		}
	}

	private void createAccounts() {
		String hash = this.passwords.encode(PASSWORD);
		account("admin", "平台管理员", "500000000000", null, hash, Set.of(Role.ADMIN));
		account("gatekeeper", "铜梁区减负办", TONGLIANG, "区整治形式主义为基层减负专项工作机制办公室", hash, Set.of(Role.GATEKEEPER));
		account("issuer", "铜梁区民政局", TONGLIANG, "区民政局", hash, Set.of(Role.ISSUER));
		account("township", "巴川街道", BACHUAN, "党政办公室", hash, Set.of(Role.GRASSROOTS, Role.ISSUER));
		account("village", "东方社区", DONGFANG, null, hash, Set.of(Role.GRASSROOTS));
		account("supervisor", "铜梁区纪委监委", TONGLIANG, "区纪委监委", hash, Set.of(Role.SUPERVISOR));
		account("kaizhou.issuer", "开州区民政局", KAIZHOU, "区民政局", hash, Set.of(Role.ISSUER));
	}

	private void account(String username, String displayName, String unitCode,
			@org.jspecify.annotations.Nullable String department, String hash, Set<Role> roles) {
		Long departmentId = department == null ? null
				: this.departments.findUnscoped(unitCode, department).orElseThrow().id();
		this.accounts.create(username, displayName, hash, unitCode, departmentId, roles, this.clock.instant());
	}

	private static Reader reader(String resource) throws IOException {
		return new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
	}

}
