package cn.jianfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.internal.DemandAttachments;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.org.internal.PersonalTokens;

/**
 * RELIABILITY row 1: every endpoint of the handler mapping, called as village A, village
 * B, the township above A, a county department, another county and an administrator, on
 * objects owned by village A (its unit, its token, its account). An endpoint missing from
 * the matrix fails the test, so the matrix grows with every endpoint.
 * <p>
 * Allowed callers must get a 2xx or a redirect that is not to the sign-in page; everyone
 * else must get a 4xx.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

	enum Persona {

		VILLAGE_A("village"), VILLAGE_B("matrix.village.b"), TOWNSHIP("township"), COUNTY_DEPARTMENT("issuer"),
		OTHER_COUNTY("kaizhou.issuer"), GATEKEEPER("gatekeeper"), ADMIN("admin");

		final String username;

		Persona(String username) {
			this.username = username;
		}

	}

	static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);

	static final Set<Persona> ONLY_A = EnumSet.of(Persona.VILLAGE_A);

	static final Set<Persona> ABOVE_A = EnumSet.of(Persona.VILLAGE_A, Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
			Persona.GATEKEEPER, Persona.ADMIN);

	static final Set<Persona> ADMINS = EnumSet.of(Persona.ADMIN);

	/** Issuers whose scope contains village A. */
	static final Set<Persona> ISSUERS_ABOVE_A = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT);

	/** The township's demand: its issuing unit and the overseers of its jurisdiction. */
	static final Set<Persona> DEMAND_READERS = EnumSet.of(Persona.TOWNSHIP, Persona.GATEKEEPER, Persona.ADMIN);

	/** Every issuer may open the form for a new demand. */
	static final Set<Persona> ISSUERS_ABOVE_A_AND_KAIZHOU = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
			Persona.OTHER_COUNTY);

	static final Set<Persona> ONLY_TOWNSHIP = EnumSet.of(Persona.TOWNSHIP);

	static final Set<Persona> ONLY_GATEKEEPER = EnumSet.of(Persona.GATEKEEPER);

	static final Set<Persona> KEEPERS = EnumSet.of(Persona.GATEKEEPER, Persona.ADMIN);

	static final Set<Persona> GRASSROOTS = EnumSet.of(Persona.VILLAGE_A, Persona.VILLAGE_B, Persona.TOWNSHIP);

	/** Dashboards: overseers of the jurisdiction, and issuers for their own demands. */
	static final Set<Persona> LEDGER_READERS = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
			Persona.OTHER_COUNTY, Persona.GATEKEEPER, Persona.ADMIN);

	static final Set<Persona> LEDGER_READERS_ABOVE_A = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
			Persona.GATEKEEPER, Persona.ADMIN);

	static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	static final String DUE = China.today().plusDays(30).toString();

	static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

	static final String DEMAND_JSON = "{\"kind\":\"DOCUMENT\",\"title\":\"矩阵\",\"body\":\"请各社区报送。\","
			+ "\"recipientUnitCodes\":[\"" + "500151001001" + "\"],\"dueDate\":\"" + DUE + "\"}";

	static final String DEMAND_FORM = "kind=DOCUMENT&title=matrix&body=text&recipientMode=units&recipientUnitCodes="
			+ "500151001001" + "&dueDate=" + DUE;

	static final List<String> CHECK_CODES = List.of("quota.yearly", "document.length", "lead-time", "cascade.relay",
			"sunset", "legal-basis", "assessment", "budget.monthly");

	static final String ANSWERS_JSON = "{\"answers\":{"
			+ String.join(",", CHECK_CODES.stream().map(c -> "\"" + c + "\":\"确有必要\"").toList()) + "}}";

	static final String ANSWERS_FORM = String.join("&", CHECK_CODES.stream().map(c -> "answer." + c + "=x").toList());

	static final String VILLAGE_A_UNIT = "500151001001";

	static final String VILLAGE_B_UNIT = "500151001002";

	record Row(Set<Persona> allowed, UnaryOperator<AbstractMockHttpServletRequestBuilder<?>> body, boolean checked,
			boolean multipart) {

		Row(Set<Persona> allowed, UnaryOperator<AbstractMockHttpServletRequestBuilder<?>> body, boolean checked) {
			this(allowed, body, checked, false);
		}

	}

	static Row multipartForm(Set<Persona> allowed, String... params) {
		return new Row(allowed, r -> {
			for (int i = 0; i < params.length; i += 2) {
				r.param(params[i], params[i + 1]);
			}
			return r;
		}, true, true);
	}

	/** A multipart request carrying one file part named {@code file}. */
	static Row multipartFile(Set<Persona> allowed, String name, byte[] content) {
		return new Row(allowed, r -> ((MockMultipartHttpServletRequestBuilder) r)
			.file(new MockMultipartFile("file", name, MediaType.TEXT_PLAIN_VALUE, content)), true, true);
	}

	static Row allow(Set<Persona> allowed) {
		return new Row(allowed, r -> r, true);
	}

	static Row allow(Set<Persona> allowed, String contentType, String body) {
		return new Row(allowed, r -> r.contentType(contentType).content(body), true);
	}

	/**
	 * Boot's error page: called directly it renders status 500 for everyone, and shows no
	 * data.
	 */
	static Row errorPage() {
		return new Row(EVERYONE, r -> r, false);
	}

	static final Map<String, Row> CORE = Map.ofEntries(
			// org API
			Map.entry("GET /api/v1/me", allow(EVERYONE)), Map.entry("GET /api/v1/me/tokens", allow(EVERYONE)),
			Map.entry("POST /api/v1/me/tokens", allow(EVERYONE, MediaType.APPLICATION_JSON_VALUE, "{\"name\":\"m\"}")),
			Map.entry("DELETE /api/v1/me/tokens/{id}", allow(ONLY_A)), Map.entry("GET /api/v1/units", allow(EVERYONE)),
			Map.entry("GET /api/v1/units/{code}", allow(ABOVE_A)),
			Map.entry("GET /api/v1/units/{code}/children", allow(ABOVE_A)),
			Map.entry("GET /api/v1/units/{code}/departments", allow(ABOVE_A)),
			Map.entry("POST /api/v1/admin/units/import",
					allow(ADMINS, "text/csv", "code,name,level,parent_code\n500151001001,东方社区,5,500151001000\n")),
			Map.entry("GET /api/v1/admin/accounts", allow(ADMINS)),
			Map.entry("PUT /api/v1/admin/accounts/{username}/roles",
					allow(ADMINS, MediaType.APPLICATION_JSON_VALUE, "{\"roles\":[\"GRASSROOTS\"]}")),
			// audit API
			Map.entry("GET /api/v1/admin/audit", allow(ADMINS)),
			Map.entry("GET /api/v1/admin/audit/verify", allow(ADMINS)),
			// pages
			Map.entry("GET /", allow(EVERYONE)), Map.entry("GET /login", allow(EVERYONE)),
			Map.entry("GET /units", allow(EVERYONE)), Map.entry("GET /units/{code}", allow(ABOVE_A)),
			Map.entry("GET /account", allow(EVERYONE)),
			Map.entry("POST /account/tokens",
					allow(EVERYONE, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "name=matrix")),
			Map.entry("POST /account/tokens/{id}/revoke", allow(ONLY_A)),
			Map.entry("GET /admin/accounts", allow(ADMINS)),
			Map.entry("POST /admin/accounts/{username}/roles",
					allow(ADMINS, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "roles=GRASSROOTS")),
			// framework: error page and API documentation are public
			Map.entry("GET /error", errorPage()), Map.entry("GET /v3/api-docs", allow(EVERYONE)),
			Map.entry("GET /v3/api-docs.yaml", allow(EVERYONE)),
			Map.entry("GET /v3/api-docs/swagger-config", allow(EVERYONE)),
			Map.entry("GET /swagger-ui.html", allow(EVERYONE)),
			// gate API: a demand the township sends to village A, in the state each
			// action needs
			Map.entry("GET /api/v1/demands", allow(EVERYONE)),
			Map.entry("POST /api/v1/demands", allow(ISSUERS_ABOVE_A, JSON, DEMAND_JSON)),
			Map.entry("GET /api/v1/demands/{id}", allow(DEMAND_READERS)),
			Map.entry("PUT /api/v1/demands/{id}", allow(ONLY_TOWNSHIP, JSON, DEMAND_JSON)),
			Map.entry("POST /api/v1/demands/{id}/submit", allow(ONLY_TOWNSHIP, JSON, "{}")),
			Map.entry("POST /api/v1/demands/{id}/justifications", allow(ONLY_TOWNSHIP, JSON, ANSWERS_JSON)),
			Map.entry("POST /api/v1/demands/{id}/approve", allow(ONLY_GATEKEEPER, JSON, "{}")),
			Map.entry("POST /api/v1/demands/{id}/reject", allow(ONLY_GATEKEEPER, JSON, "{\"reason\":\"不必要\"}")),
			Map.entry("POST /api/v1/demands/{id}/issue", allow(ONLY_TOWNSHIP, JSON, "{}")),
			Map.entry("POST /api/v1/demands/{id}/close", allow(ONLY_TOWNSHIP, JSON, "{}")),
			Map.entry("POST /api/v1/demands/{id}/withdraw", allow(ONLY_TOWNSHIP, JSON, "{}")),
			Map.entry("POST /api/v1/demands/{id}/attachments",
					multipartFile(ONLY_TOWNSHIP, "说明.txt", "附件内容".getBytes(StandardCharsets.UTF_8))),
			Map.entry("GET /api/v1/demands/{id}/attachments/{attachmentId}", allow(DEMAND_READERS)),
			Map.entry("GET /api/v1/gate/checks", allow(EVERYONE)),
			// gate pages
			Map.entry("GET /demands", allow(EVERYONE)),
			Map.entry("GET /demands/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
			Map.entry("POST /demands", allow(ISSUERS_ABOVE_A, FORM, DEMAND_FORM)),
			Map.entry("GET /demands/{id}", allow(DEMAND_READERS)),
			Map.entry("GET /demands/{id}/edit", allow(ONLY_TOWNSHIP)),
			Map.entry("POST /demands/{id}/edit", allow(ONLY_TOWNSHIP, FORM, DEMAND_FORM)),
			Map.entry("POST /demands/{id}/submit", allow(ONLY_TOWNSHIP)),
			Map.entry("POST /demands/{id}/justifications", allow(ONLY_TOWNSHIP, FORM, ANSWERS_FORM)),
			Map.entry("POST /demands/{id}/approve", allow(ONLY_GATEKEEPER)),
			Map.entry("POST /demands/{id}/reject", allow(ONLY_GATEKEEPER, FORM, "reason=x")),
			Map.entry("POST /demands/{id}/issue", allow(ONLY_TOWNSHIP)),
			Map.entry("POST /demands/{id}/close", allow(ONLY_TOWNSHIP)),
			Map.entry("POST /demands/{id}/withdraw", allow(ONLY_TOWNSHIP)),
			Map.entry("POST /demands/{id}/attachments",
					multipartFile(ONLY_TOWNSHIP, "说明.txt", "附件内容".getBytes(StandardCharsets.UTF_8))),
			Map.entry("GET /demands/{id}/attachments/{attachmentId}", allow(DEMAND_READERS)),
			Map.entry("GET /gate/review", allow(ONLY_GATEKEEPER)), Map.entry("GET /gate/checks", allow(EVERYONE)),
			Map.entry("GET /rulebook", allow(EVERYONE)),
			Map.entry("POST /rulebook/overrides", allow(KEEPERS, FORM, "key=lead-time.meeting&value=4&reason=x")),
			Map.entry("POST /rulebook/overrides/clear", allow(KEEPERS, FORM, "key=lead-time.meeting")),
			// ledger: the inbox entry of an issued demand addressed to village A
			Map.entry("GET /api/v1/inbox", allow(GRASSROOTS)),
			Map.entry("POST /api/v1/inbox/{demandId}/done", allow(ONLY_A, JSON, "{}")),
			Map.entry("POST /api/v1/inbox/{demandId}/hours", allow(ONLY_A, JSON, "{\"hours\":2}")),
			Map.entry("POST /api/v1/inbox/{demandId}/refusal", allow(ONLY_A, JSON, "{\"reason\":\"不在职责清单内\"}")),
			Map.entry("POST /api/v1/inbox/ungated",
					multipartForm(GRASSROOTS, "channel", "WORK_GROUP", "issuer", "某局", "receivedOn", TODAY, "text",
							"微信群里要求报表")),
			Map.entry("GET /api/v1/ledger/units/{code}", allow(LEDGER_READERS_ABOVE_A)),
			Map.entry("GET /inbox", allow(GRASSROOTS)), Map.entry("POST /inbox/{demandId}/done", allow(ONLY_A)),
			Map.entry("POST /inbox/{demandId}/hours", allow(ONLY_A, FORM, "hours=2")),
			Map.entry("POST /inbox/{demandId}/refuse", allow(ONLY_A, FORM, "reason=x")),
			Map.entry("POST /inbox/ungated",
					multipartForm(GRASSROOTS, "channel", "PHONE", "issuer", "某局", "receivedOn", TODAY, "text", "电话通知")),
			Map.entry("GET /ledger", allow(LEDGER_READERS)), Map.entry("GET /ledger/demands", allow(LEDGER_READERS)),
			Map.entry("GET /ledger/report", allow(LEDGER_READERS)),
			Map.entry("GET /ledger/export/{table}.{format}", allow(LEDGER_READERS)));

	// Each capability module keeps its rows in a method of its own, so that modules built
	// side by side do not touch each other's lines.

	static final Set<Persona> DOCUMENT_REGISTRARS = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
			Persona.OTHER_COUNTY, Persona.GATEKEEPER, Persona.ADMIN);

	static final byte[] DOCUMENT_TEXT = "关于开展矩阵测试的通知\n各社区：\n请于6月1日前报送。".getBytes(StandardCharsets.UTF_8);

	static Map<String, Row> documentsRows() {
		return Map.ofEntries(
				Map.entry("POST /api/v1/documents/parse", multipartFile(EVERYONE, "通知.txt", DOCUMENT_TEXT)),
				Map.entry("POST /api/v1/documents", multipartFile(DOCUMENT_REGISTRARS, "通知.txt", DOCUMENT_TEXT)),
				Map.entry("POST /api/v1/documents/related", multipartFile(EVERYONE, "通知.txt", DOCUMENT_TEXT)),
				// a draft for 巴川街道 (500151001000): only issuers whose scope holds it
				Map.entry("POST /api/v1/documents/drafts",
						new Row(ISSUERS_ABOVE_A, r -> ((MockMultipartHttpServletRequestBuilder) r)
							.file(new MockMultipartFile("file", "通知.txt", MediaType.TEXT_PLAIN_VALUE, DOCUMENT_TEXT))
							.param("dueDate", "2030-12-31")
							.param("recipientUnitCodes", "500151001000"), true, true)),
				Map.entry("GET /documents", new Row(EVERYONE, r -> r.param("q", "通知"), true)),
				Map.entry("GET /documents/ungated", allow(EVERYONE)),
				// the demo notice of 区民政局: seen by its county and the units below it, not
				// by 开州
				Map.entry("GET /documents/view",
						new Row(EnumSet.of(Persona.VILLAGE_A, Persona.VILLAGE_B, Persona.TOWNSHIP,
								Persona.COUNTY_DEPARTMENT, Persona.GATEKEEPER, Persona.ADMIN),
								r -> r.param("number", "铜民发〔2025〕12号"), true)));
	}

	/*
	 * ----------------------------------------------------------------------------------
	 */

	static final byte[] CATALOGUE_CSV = ("code,name,value_type,aggregation,period_type\n"
			+ "MATRIX-0001,矩阵测试指标数,INTEGER,SUM,YEAR\n")
		.getBytes(StandardCharsets.UTF_8);

	static Map<String, Row> catalogueRows() {
		return Map.ofEntries(Map.entry("GET /catalogue", allow(EVERYONE)),
				Map.entry("GET /catalogue/indicators.{format}", allow(EVERYONE)),
				Map.entry("POST /catalogue/import", multipartFile(KEEPERS, "目录.csv", CATALOGUE_CSV)),
				Map.entry("GET /api/v1/catalogue/indicators", allow(EVERYONE)),
				Map.entry("GET /api/v1/catalogue/export.{format}", allow(EVERYONE)),
				Map.entry("POST /api/v1/catalogue/import", multipartFile(KEEPERS, "目录.csv", CATALOGUE_CSV)),
				Map.entry("POST /api/v1/catalogue/match", allow(EVERYONE, JSON, "{\"names\":[\"户籍人口总数\"]}")),
				Map.entry("GET /catalogue/match", allow(EVERYONE)),
				Map.entry("POST /catalogue/match", allow(EVERYONE, FORM, "names=户籍人口总数")),
				Map.entry("GET /catalogue/forms/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
				// a form's fields: {id} is the issued form below, read like its demand;
				// drawing is refused on an issued form (409 for its issuer), the draw
				// itself is in CatalogueDoneMeansTests
				Map.entry("GET /catalogue/forms/{id}", allow(DEMAND_READERS)),
				Map.entry("POST /catalogue/forms/{id}/draw", allow(EnumSet.noneOf(Persona.class))),
				Map.entry("POST /catalogue/forms",
						multipartForm(ISSUERS_ABOVE_A_AND_KAIZHOU, "title", "矩阵报表", "periodType", "YEAR", "period",
								"2031", "recipientLevel", "5", "deadline", DUE, "fields", "矩阵测试字段数")),
				// data entry: {id} is an issued form of 巴川街道 addressed to village A
				// (catalogueIssuedForm); the roll-up is for its issuer unit and the
				// overseers
				Map.entry("GET /api/v1/catalogue/entry", allow(EVERYONE)),
				Map.entry("GET /api/v1/catalogue/entry/{id}", allow(ONLY_A)),
				Map.entry("PUT /api/v1/catalogue/entry/{id}", allow(ONLY_A, JSON, "{\"version\":0,\"values\":{}}")),
				Map.entry("GET /api/v1/catalogue/forms/{id}/rollup", allow(DEMAND_READERS)),
				Map.entry("GET /api/v1/catalogue/forms/{id}/rollup.csv", allow(DEMAND_READERS)),
				Map.entry("GET /api/v1/catalogue/forms/{id}/dataValueSets", allow(DEMAND_READERS)),
				// roll-up exports (Excel, ADX); every roll-up path takes an optional
				// ?unit=, whose scope checks are in RollupDrillDownTests
				Map.entry("GET /api/v1/catalogue/forms/{id}/rollup.xlsx", allow(DEMAND_READERS)),
				Map.entry("GET /api/v1/catalogue/forms/{id}/rollup.adx", allow(DEMAND_READERS)),
				Map.entry("GET /catalogue/entry", allow(EVERYONE)),
				Map.entry("GET /catalogue/entry/{id}", allow(ONLY_A)),
				Map.entry("POST /catalogue/entry/{id}", allow(ONLY_A, FORM, "version=0&action=save")),
				Map.entry("GET /catalogue/forms/{id}/rollup", allow(DEMAND_READERS)),
				Map.entry("GET /api/v1/catalogue/summary",
						new Row(EVERYONE, r -> r.param("indicator", "MZ-0004").param("period", "2031-01"), true)),
				Map.entry("GET /api/v1/catalogue/values",
						new Row(EVERYONE, r -> r.param("indicator", "MZ-0004").param("period", "2031-01"), true)),
				// Excel entry: the upload is village A's sheet of the form just made for
				// the call
				Map.entry("GET /api/v1/catalogue/entry/{id}.xlsx", allow(ONLY_A)),
				Map.entry("POST /api/v1/catalogue/entry/{id}/import", catalogueSheetUpload()),
				Map.entry("GET /catalogue/entry/{id}.xlsx", allow(ONLY_A)),
				Map.entry("POST /catalogue/entry/{id}/import", catalogueSheetUpload()),
				// corrections: {id} of a request is a locked form's; of a decision, a
				// pending correction of village A's 低保户数, decided by its owner 区民政局
				Map.entry("POST /api/v1/catalogue/entry/{id}/corrections",
						allow(ONLY_A, JSON, "{\"indicator\":\"MZ-0004\",\"value\":\"5\",\"reason\":\"矩阵\"}")),
				Map.entry("POST /catalogue/entry/{id}/corrections",
						allow(ONLY_A, FORM, "indicator=MZ-0004&value=5&reason=matrix")),
				Map.entry("GET /api/v1/catalogue/corrections", allow(EVERYONE)),
				Map.entry("GET /catalogue/corrections", allow(EVERYONE)),
				Map.entry("POST /api/v1/catalogue/corrections/{id}/decision",
						allow(EnumSet.of(Persona.COUNTY_DEPARTMENT), JSON, "{\"approve\":false}")),
				Map.entry("POST /catalogue/corrections/{id}/decision",
						allow(EnumSet.of(Persona.COUNTY_DEPARTMENT), FORM, "approve=false")));
	}

	/**
	 * The catalogue's {id}: a pending correction for a decision, a locked form for a
	 * correction request, an open form otherwise.
	 */
	long catalogueId(String pattern) {
		if (pattern.contains("/entry/{id}/corrections")) {
			return catalogueIssuedForm(China.today().minusDays(30));
		}
		if (!pattern.contains("/corrections/{id}")) {
			return catalogueIssuedForm();
		}
		long form = catalogueIssuedForm(China.today().minusDays(30));
		this.jdbc
			.sql("insert into catalogue_correction (demand_id, indicator_code, unit_code, period, new_value, reason,"
					+ " status, requested_by, requested_at) values (:id, 'MZ-0004', :unit, '2031-01', '5', 'matrix',"
					+ " 'PENDING', 'village', :now)")
			.param("id", form)
			.param("unit", VILLAGE_A_UNIT)
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("select max(id) from catalogue_correction").query(Long.class).single();
	}

	/** The id of the form {@link #catalogueIssuedForm} made last. */
	static volatile long catalogueForm;

	/** Village A's unfilled sheet of the form made last, as Excel. */
	static Row catalogueSheetUpload() {
		return new Row(ONLY_A, r -> {
			try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
					var out = new java.io.ByteArrayOutputStream()) {
				var sheet = workbook.createSheet("填报");
				String[][] rows = { { "事项编号", String.valueOf(catalogueForm) }, { "填报单位", VILLAGE_A_UNIT },
						{ "版本", "0" }, { "代码", "指标", "填报值" }, { "MZ-0004", "低保户数", "" } };
				for (int i = 0; i < rows.length; i++) {
					var row = sheet.createRow(i);
					for (int c = 0; c < rows[i].length; c++) {
						row.createCell(c).setCellValue(rows[i][c]);
					}
				}
				workbook.write(out);
				return ((MockMultipartHttpServletRequestBuilder) r)
					.file(new MockMultipartFile("file", "填报.xlsx", "application/octet-stream", out.toByteArray()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, true, true);
	}

	/**
	 * An issued data-request form of 巴川街道 addressed to village A, as the gate's issue
	 * event leaves it, for the catalogue's {id} rows.
	 */
	long catalogueIssuedForm() {
		return catalogueIssuedForm(China.today().plusDays(30));
	}

	long catalogueIssuedForm(java.time.LocalDate deadline) {
		long id = this.jdbc.sql("select coalesce(max(demand_id), 0) + 1 from catalogue_form").query(Long.class).single()
				+ 800_000;
		this.jdbc
			.sql("insert into catalogue_form (demand_id, issuer_unit, issuer_account, title, period_type, period,"
					+ " recipient_level, recipient_under, deadline, status, created_at, issued_at, owner) values (:id,"
					+ " '500151001000', 'township', '矩阵填报', 'MONTH', '2031-01', 5, '500151001000', :deadline, 'ISSUED',"
					+ " :now, :now, '巴川街道')")
			.param("id", id)
			.param("deadline", java.sql.Date.valueOf(deadline))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		this.jdbc
			.sql("insert into catalogue_form_field (demand_id, position, label, decision, indicator_code)"
					+ " values (:id, 0, '低保户数', 'match', 'MZ-0004')")
			.param("id", id)
			.update();
		this.jdbc.sql("insert into catalogue_form_recipient (demand_id, unit_code) values (:id, :unit)")
			.param("id", id)
			.param("unit", VILLAGE_A_UNIT)
			.update();
		catalogueForm = id;
		return id;
	}

	/*
	 * ----------------------------------------------------------------------------------
	 */

	static final Set<Persona> PLANNERS = EnumSet.of(Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT, Persona.OTHER_COUNTY,
			Persona.GATEKEEPER);

	/**
	 * An issued meeting's readers: its issuer, the overseers and village A, a recipient.
	 */
	static final Set<Persona> MEETING_ATTENDANCE_READERS = EnumSet.of(Persona.TOWNSHIP, Persona.GATEKEEPER,
			Persona.ADMIN, Persona.VILLAGE_A);

	static final String MEETING_DAY = China.today().plusDays(40).toString();

	static final String MEETING_JSON = "{\"title\":\"矩阵会议\",\"mode\":\"VIDEO\",\"field\":\"民政\",\"start\":\""
			+ MEETING_DAY + "T09:00\",\"end\":\"" + MEETING_DAY
			+ "T10:00\",\"principals\":0,\"deputies\":1,\"staff\":0,"
			+ "\"convener\":\"PRINCIPAL\",\"agenda\":[{\"topic\":\"部署\",\"minutes\":30}],\"recipientUnitCodes\":[\""
			+ VILLAGE_A_UNIT + "\"]}";

	static final String MEETING_FORM = "title=matrix&mode=VIDEO&field=x&start=" + MEETING_DAY + "T09:00&end="
			+ MEETING_DAY + "T10:00&principals=0&deputies=1&staff=0&convener=PRINCIPAL&agenda[0].topic=t"
			+ "&agenda[0].minutes=30&recipientUnitCodes=" + VILLAGE_A_UNIT;

	static Map<String, Row> meetingsRows() {
		return Map.ofEntries(Map.entry("GET /meetings", allow(EVERYONE)),
				Map.entry("GET /meetings/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
				Map.entry("POST /meetings", allow(ISSUERS_ABOVE_A, FORM, MEETING_FORM)),
				Map.entry("GET /meetings/{id}", allow(DEMAND_READERS)),
				Map.entry("GET /meetings/{id}/edit", allow(ONLY_TOWNSHIP)),
				Map.entry("POST /meetings/{id}/edit", allow(ONLY_TOWNSHIP, FORM, MEETING_FORM)),
				Map.entry("POST /meetings/{id}/attendance", allow(ONLY_A, FORM, "name=张三&role=STAFF")),
				Map.entry("GET /meetings/plan", allow(EVERYONE)),
				Map.entry("POST /meetings/plan",
						allow(PLANNERS, FORM, "year=" + TODAY.substring(0, 4) + "&month=6&field=x&title=t&mode=VIDEO")),
				Map.entry("POST /meetings/plan/{id}/delete", allow(ONLY_TOWNSHIP)),
				Map.entry("GET /meetings/calendar", allow(EVERYONE)),
				Map.entry("GET /meetings/calendar.ics", allow(EVERYONE)),
				Map.entry("GET /api/v1/meetings", allow(EVERYONE)),
				Map.entry("POST /api/v1/meetings", allow(ISSUERS_ABOVE_A, JSON, MEETING_JSON)),
				Map.entry("GET /api/v1/meetings/{id}", allow(DEMAND_READERS)),
				Map.entry("PUT /api/v1/meetings/{id}", allow(ONLY_TOWNSHIP, JSON, MEETING_JSON)),
				Map.entry("GET /api/v1/meetings/{id}/attendance", allow(MEETING_ATTENDANCE_READERS)),
				Map.entry("PUT /api/v1/meetings/{id}/attendance",
						allow(ONLY_A, JSON, "{\"attendees\":[{\"name\":\"张三\",\"role\":\"STAFF\"}]}")),
				Map.entry("GET /api/v1/meetings/plan", allow(EVERYONE)),
				Map.entry("POST /api/v1/meetings/plan",
						allow(PLANNERS, JSON,
								"{\"year\":" + TODAY.substring(0, 4)
										+ ",\"month\":6,\"field\":\"x\",\"title\":\"t\",\"mode\":\"VIDEO\"}")),
				Map.entry("DELETE /api/v1/meetings/plan/{id}", allow(ONLY_TOWNSHIP)),
				Map.entry("GET /api/v1/meetings/calendar", allow(EVERYONE)),
				Map.entry("GET /api/v1/meetings/calendar.ics", allow(EVERYONE)));
	}

	@Autowired
	cn.jianfu.meetings.internal.MeetingDesk meetingDesk;

	@Autowired
	cn.jianfu.meetings.internal.MeetingPlan meetingPlan;

	/**
	 * Path variables of the meeting endpoints: a plan entry of the township, or a meeting
	 * the township calls village A to, drafted, or issued for attendance.
	 */
	private Map<String, String> meetingValues(String pattern) {
		Viewer township = viewer(Persona.TOWNSHIP);
		if (pattern.contains("/plan/{id}")) {
			long entry = this.meetingPlan.add(township,
					new cn.jianfu.meetings.internal.MeetingPlan.NewEntry(Integer.valueOf(TODAY.substring(0, 4)), 6,
							"矩阵", "矩阵计划", false, cn.jianfu.meetings.internal.MeetingMode.VIDEO));
			return Map.of("id", String.valueOf(entry));
		}
		java.time.LocalDateTime start = java.time.LocalDate.parse(MEETING_DAY).atTime(9, 0);
		long id = this.meetingDesk.create(township,
				new cn.jianfu.meetings.internal.MeetingRequest("矩阵会议", null,
						cn.jianfu.meetings.internal.MeetingMode.VIDEO, "民政", false, null,
						List.of(new cn.jianfu.meetings.internal.MeetingRequest.AgendaItem("部署", null, 30, false)),
						start, start.plusHours(1), 0, 0, 1, 0, null, null, null, false,
						cn.jianfu.meetings.internal.Convener.PRINCIPAL, List.of(VILLAGE_A_UNIT), null));
		if (pattern.endsWith("/attendance")) {
			DemandId demand = new DemandId(id);
			var verdict = this.gatekeeper.submit(township, demand, null);
			Map<String, String> answers = new HashMap<>();
			verdict.findings().forEach(f -> answers.put(f.code(), "确有必要"));
			if (!answers.isEmpty()) {
				this.desk.justify(township, demand, null, answers);
			}
			this.gatekeeper.approve(viewer(Persona.GATEKEEPER), demand, null, "同意");
			this.desk.issue(township, demand, null);
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (this.jdbc.sql("select count(*) from meeting_recipient where demand_id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == 0) {
				assertThat(System.nanoTime()).as("calendar of meeting " + id).isLessThan(deadline);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		return Map.of("id", String.valueOf(id));
	}

	/*
	 * ----------------------------------------------------------------------------------
	 */

	static final String INSPECTION_ITEM_JSON = "{\"year\":2039,\"title\":\"矩阵检查\",\"type\":\"CHECK\","
			+ "\"fields\":[\"矩阵\"],\"months\":[3],\"onSite\":true,\"targets\":[\"" + VILLAGE_A_UNIT + "\"]}";

	static final String INSPECTION_ITEM_FORM = "year=2039&title=matrix&type=CHECK&fields=matrix&months=3&onSite=true"
			+ "&targets=" + VILLAGE_A_UNIT;

	static final String INSPECTION_DEMAND_JSON = "{\"year\":2039,\"title\":\"矩阵检查\",\"type\":\"CHECK\","
			+ "\"fields\":[\"矩阵\"],\"months\":[3],\"onSite\":true,\"targets\":[\"" + VILLAGE_A_UNIT
			+ "\"],\"visitOn\":\"" + DUE + "\"}";

	static final String INSPECTION_DEMAND_FORM = INSPECTION_ITEM_FORM + "&visitOn=" + DUE;

	/**
	 * Inspection plans and apps: issuers write for their own unit, gatekeepers settle.
	 */
	static Map<String, Row> inspectionsAndAppsRows() {
		Set<Persona> nobody = EnumSet.noneOf(Persona.class);
		return Map.ofEntries(Map.entry("GET /api/v1/inspections/items", allow(EVERYONE)),
				Map.entry("POST /api/v1/inspections/items", allow(ISSUERS_ABOVE_A, JSON, INSPECTION_ITEM_JSON)),
				Map.entry("POST /api/v1/inspections/demands", allow(ISSUERS_ABOVE_A, JSON, INSPECTION_DEMAND_JSON)),
				Map.entry("GET /api/v1/inspections/calendar", allow(EVERYONE)),
				Map.entry("GET /api/v1/inspections/schedule", allow(ONLY_GATEKEEPER)),
				Map.entry("POST /api/v1/inspections/schedule/accept", allow(ONLY_GATEKEEPER, FORM, "year=2039")),
				// visit 0 does not exist: the gatekeeper gets 404, everyone else 403
				Map.entry("POST /api/v1/inspections/schedule/change", allow(nobody, FORM, "visit=0&on=2039-03-01")),
				Map.entry("POST /api/v1/inspections/baseline",
						allow(ONLY_GATEKEEPER, FORM, "baselineYear=2025&count=40&year=2039")),
				Map.entry("GET /inspections", allow(EVERYONE)),
				Map.entry("GET /inspections/items/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
				Map.entry("POST /inspections/items", allow(ISSUERS_ABOVE_A, FORM, INSPECTION_ITEM_FORM)),
				Map.entry("GET /inspections/demands/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
				Map.entry("POST /inspections/demands", allow(ISSUERS_ABOVE_A, FORM, INSPECTION_DEMAND_FORM)),
				Map.entry("GET /inspections/calendar", allow(EVERYONE)),
				Map.entry("GET /inspections/schedule", allow(ONLY_GATEKEEPER)),
				Map.entry("POST /inspections/schedule/accept", allow(ONLY_GATEKEEPER, FORM, "year=2039")),
				Map.entry("POST /inspections/schedule/change", allow(nobody, FORM, "visit=0&on=2039-03-01")),
				Map.entry("POST /inspections/baseline",
						allow(ONLY_GATEKEEPER, FORM, "baselineYear=2025&count=40&year=2039")),
				Map.entry("GET /api/v1/apps", allow(EVERYONE)),
				Map.entry("POST /api/v1/apps", allow(ISSUERS_ABOVE_A, JSON, APP_JSON)),
				Map.entry("GET /api/v1/apps/dashboard", allow(EVERYONE)), Map.entry("GET /apps", allow(EVERYONE)),
				Map.entry("GET /apps/dashboard", allow(EVERYONE)),
				Map.entry("GET /apps/new", allow(ISSUERS_ABOVE_A_AND_KAIZHOU)),
				Map.entry("POST /apps", allow(ISSUERS_ABOVE_A, FORM, APP_FORM)));
	}

	static final String APP_JSON = "{\"name\":\"矩阵应用\",\"functions\":[\"矩阵\"],\"usersPerUnit\":2,"
			+ "\"minutesPerDay\":10,\"targets\":[\"" + VILLAGE_A_UNIT + "\"],\"launchOn\":\"" + DUE + "\"}";

	static final String APP_FORM = "name=matrix&form=APP&functions=matrix&usersPerUnit=2&minutesPerDay=10&targets="
			+ VILLAGE_A_UNIT + "&launchOn=" + DUE;

	/*
	 * ----------------------------------------------------------------------------------
	 */

	static Map<String, Row> dutiesRows() {
		byte[] admission;
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				var out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("准入清单");
			String[][] cells = { { "编号", "事项名称", "类别", "领域", "牵头部门", "法律依据" },
					{ "M-1", "协助低保入户核查", "准入事项", "民政", "", "" } };
			for (int r = 0; r < cells.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			workbook.write(out);
			admission = out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		Set<Persona> listKeepers = EnumSet.of(Persona.TOWNSHIP, Persona.GATEKEEPER, Persona.ADMIN);
		Set<Persona> nobody = EnumSet.noneOf(Persona.class);
		Set<Persona> caseOpeners = EnumSet.of(Persona.VILLAGE_A, Persona.TOWNSHIP, Persona.COUNTY_DEPARTMENT,
				Persona.ADMIN);
		// a dry run: checks the workbook and the caller's right without replacing village
		// A's list
		Row importDryRun = new Row(listKeepers,
				r -> ((MockMultipartHttpServletRequestBuilder) r)
					.file(new MockMultipartFile("file", "清单.xlsx",
							"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", admission))
					.param("approvedBy", "矩阵")
					.param("approvalRef", "矩阵测试")
					.param("dryRun", "true"),
				true, true);
		return Map.ofEntries(Map.entry("GET /api/v1/duties/units/{code}", allow(ABOVE_A)),
				Map.entry("GET /api/v1/duties/units/{code}/export.xlsx", allow(ABOVE_A)),
				Map.entry("POST /api/v1/duties/units/{code}/import", importDryRun),
				Map.entry("GET /api/v1/duties/flags", allow(EVERYONE)),
				// a fresh draft addressed to village A is flagged for nobody: nobody may
				// refuse it
				Map.entry("POST /api/v1/duties/demands/{id}/refusal", allow(nobody)),
				Map.entry("GET /api/v1/duties/powers", allow(EVERYONE)),
				// an entry long before the demo register's, repeated unchanged by the
				// second keeper
				Map.entry("POST /api/v1/duties/powers/assignments", allow(KEEPERS, JSON,
						"{\"power\":\"DIBAO\",\"step\":\"APPROVAL\",\"countyCode\":\"500151000000\",\"level\":3,"
								+ "\"since\":\"2001-01-01\",\"instrument\":\"矩阵测试\"}")),
				Map.entry("GET /api/v1/duties/cases", allow(EVERYONE)),
				Map.entry("POST /api/v1/duties/cases",
						allow(caseOpeners, JSON,
								"{\"power\":\"DIBAO\",\"homeUnitCode\":\"" + VILLAGE_A_UNIT
										+ "\",\"applicant\":\"矩阵\",\"openedOn\":\"" + TODAY + "\"}")),
				// no such case: a 404 for everyone
				Map.entry("GET /api/v1/duties/case", new Row(nobody, r -> r.param("id", "0"), true)),
				Map.entry("POST /api/v1/duties/case/steps",
						new Row(nobody,
								r -> r.param("id", "0")
									.contentType(JSON)
									.content("{\"on\":\"" + TODAY + "\",\"outcome\":\"FORWARD\"}"),
								true)),
				Map.entry("GET /api/v1/duties/statistics", allow(EVERYONE)),
				Map.entry("GET /api/v1/calendar/working-days",
						new Row(EVERYONE, r -> r.param("from", "2025-09-30").param("days", "3"), true)),
				Map.entry("POST /api/v1/admin/calendar",
						allow(ADMINS, "text/tab-separated-values", "2031-01-01\tholiday\t元旦\n")),
				// pages
				Map.entry("GET /duties", allow(EVERYONE)), Map.entry("GET /duties/units/{code}", allow(ABOVE_A)),
				Map.entry("GET /duties/units/{code}/export.xlsx", allow(ABOVE_A)),
				// without a file: the keeper sees the form again with the error, nothing
				// changes
				Map.entry("POST /duties/units/{code}/import", multipartForm(listKeepers, "approvedBy", "矩阵")),
				Map.entry("POST /duties/demands/{id}/refuse", allow(nobody)),
				Map.entry("GET /duties/powers", allow(EVERYONE)),
				Map.entry("POST /duties/powers/assignments", allow(KEEPERS, FORM,
						"power=DIBAO&step=APPROVAL&countyCode=500151000000&level=3&since=2001-01-01&instrument=矩阵测试")),
				Map.entry("GET /duties/cases", allow(EVERYONE)),
				Map.entry("POST /duties/cases",
						allow(caseOpeners, FORM,
								"power=DIBAO&homeUnitCode=" + VILLAGE_A_UNIT + "&applicant=matrix&openedOn=" + TODAY)),
				Map.entry("GET /duties/case", new Row(nobody, r -> r.param("id", "0"), true)),
				Map.entry("POST /duties/case/steps",
						new Row(nobody, r -> r.param("id", "0").param("on", TODAY).param("outcome", "FORWARD"), true)),
				Map.entry("GET /duties/statistics", allow(EVERYONE)));
	}

	/*
	 * ----------------------------------------------------------------------------------
	 */

	/**
	 * Supervisor-only endpoints: no persona of the matrix holds SUPERVISOR (admin holds
	 * only ADMIN).
	 */
	static final Set<Persona> SUPERVISORS = EnumSet.noneOf(Persona.class);

	/**
	 * A valid stateless form token of the anonymous pages, issued when the matrix is
	 * built.
	 */
	static final String REPORT_TOKEN = cn.jianfu.feedback.internal.FormTokens.issue();

	/** The demo report's published receipt code (closed, so that it can be confirmed). */
	static final String DEMO_RECEIPT = "2026112600000001";

	static Map<String, Row> feedbackRows() {
		return Map.ofEntries(
				// the anonymous channel is open to everyone
				Map.entry("GET /report", allow(EVERYONE)),
				Map.entry("POST /report",
						multipartForm(EVERYONE, "token", REPORT_TOKEN, "category", "DATA", "text", "矩阵：重复报表")),
				Map.entry("GET /report/follow", allow(EVERYONE)),
				Map.entry("POST /report/follow",
						allow(EVERYONE, FORM, "token=" + REPORT_TOKEN + "&code=" + DEMO_RECEIPT)),
				Map.entry("POST /report/follow/info",
						multipartForm(EVERYONE, "token", REPORT_TOKEN, "code", DEMO_RECEIPT, "text", "矩阵补充")),
				Map.entry("POST /report/follow/answer",
						allow(EVERYONE, FORM,
								"token=" + REPORT_TOKEN + "&code=" + DEMO_RECEIPT + "&verdict=CONFIRMED")),
				Map.entry("POST /api/v1/reports", multipartForm(EVERYONE, "category", "DATA", "text", "矩阵：重复报表")),
				Map.entry("POST /api/v1/reports/follow", allow(EVERYONE, JSON, "{\"code\":\"" + DEMO_RECEIPT + "\"}")),
				Map.entry("POST /api/v1/reports/follow/info",
						multipartForm(EVERYONE, "code", DEMO_RECEIPT, "text", "矩阵补充")),
				Map.entry("POST /api/v1/reports/follow/answer",
						allow(EVERYONE, JSON, "{\"code\":\"" + DEMO_RECEIPT + "\",\"verdict\":\"CONFIRMED\"}")),
				// published figures: every signed-in user
				Map.entry("GET /feedback/statistics", allow(EVERYONE)),
				Map.entry("GET /feedback/bulletin", allow(EVERYONE)),
				Map.entry("GET /api/v1/feedback/statistics", allow(EVERYONE)),
				Map.entry("GET /api/v1/feedback/bulletin", allow(EVERYONE)),
				// triage and docket: supervisors only
				Map.entry("GET /supervision", allow(SUPERVISORS)),
				Map.entry("GET /supervision/reports/{code}", allow(SUPERVISORS)),
				Map.entry("POST /supervision/reports/{code}/link", allow(SUPERVISORS, FORM, "issuer=x")),
				Map.entry("POST /supervision/reports/{code}/notes", allow(SUPERVISORS, FORM, "kind=FINDING&text=x")),
				Map.entry("POST /supervision/reports/{code}/close",
						allow(SUPERVISORS, FORM, "outcome=RESOLVED&text=x")),
				Map.entry("GET /supervision/attachments/{code}", allow(SUPERVISORS)),
				Map.entry("POST /supervision/cases", allow(SUPERVISORS, FORM, "source=REPORT&reference=x&summary=x")),
				Map.entry("GET /supervision/cases/{code}", allow(SUPERVISORS)),
				Map.entry("POST /supervision/cases/{code}/steps", allow(SUPERVISORS, FORM, "step=NOTICE&body=x")));
	}

	/*
	 * ----------------------------------------------------------------------------------
	 */

	static final Map<String, Row> MATRIX = merge(CORE, documentsRows(), catalogueRows(), meetingsRows(),
			inspectionsAndAppsRows(), dutiesRows(), feedbackRows());

	@SafeVarargs
	static Map<String, Row> merge(Map<String, Row>... parts) {
		Map<String, Row> all = new HashMap<>();
		for (Map<String, Row> part : parts) {
			part.forEach((endpoint, row) -> {
				if (all.put(endpoint, row) != null) {
					throw new IllegalStateException("two rows for " + endpoint);
				}
			});
		}
		return all;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DemandAttachments attachments;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PersonalTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	Rulebook rulebook;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final Map<Persona, UserDetails> signedIn = new EnumMap<>(Persona.class);

	@BeforeEach
	void personas() {
		boolean exists = this.jdbc.sql("select count(*) from account where username = 'matrix.village.b'")
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			this.jdbc
				.sql("insert into account (username, display_name, password_hash, unit_code, enabled, created_at)"
						+ " values ('matrix.village.b', '和平社区', :hash, :unit, true, :now)")
				.param("hash", this.passwords.encode("unused"))
				.param("unit", VILLAGE_B_UNIT)
				.param("now", java.sql.Timestamp.from(Instant.now()))
				.update();
			this.jdbc
				.sql("insert into account_role (account_id, role) select id, :role from account where username ="
						+ " 'matrix.village.b'")
				.param("role", Role.GRASSROOTS.name())
				.update();
		}
		for (Persona persona : Persona.values()) {
			this.signedIn.put(persona, this.accounts.loadUserByUsername(persona.username));
		}
	}

	static Set<String> endpoints(RequestMappingHandlerMapping mappings) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	@Test
	void everyEndpointIsInTheMatrixAndEveryRowIsAnEndpoint() {
		Set<String> endpoints = endpoints(this.mappings);
		assertThat(MATRIX.keySet()).as("rows of the matrix").containsExactlyInAnyOrderElementsOf(endpoints);
	}

	@Test
	void noEndpointAnswersSuccessToACallerItDoesNotAllow() throws Exception {
		List<String> unexpected = new ArrayList<>();
		for (var entry : new TreeSet<>(MATRIX.keySet())) {
			Row row = MATRIX.get(entry);
			if (!row.checked()) {
				continue;
			}
			String method = entry.substring(0, entry.indexOf(' '));
			String pattern = entry.substring(entry.indexOf(' ') + 1);
			for (Persona persona : Persona.values()) {
				String path = expand(pattern, persona);
				AbstractMockHttpServletRequestBuilder<?> call = row.body()
					.apply(row.multipart() ? multipart(HttpMethod.valueOf(method), path)
							: (AbstractMockHttpServletRequestBuilder<?>) request(HttpMethod.valueOf(method), path))
					.with(authentication(signedInAs(persona)))
					.with(csrf());
				var response = this.mvc.perform(call).andReturn().getResponse();
				int status = response.getStatus();
				String location = response.getRedirectedUrl();
				boolean success = (status >= 200 && status < 300)
						|| (status >= 300 && status < 400 && (location == null || !location.contains("/login")));
				boolean allowed = row.allowed().contains(persona);
				if (allowed != success) {
					String body = response.getContentAsString();
					unexpected.add(entry + " as " + persona + " -> " + status + (location == null ? "" : " " + location)
							+ (status >= 400 ? " " + body.substring(0, Math.min(body.length(), 200)) : ""));
				}
				if (!allowed && (status < 400 || status > 499)) {
					unexpected.add(entry + " as " + persona + " -> " + status + " (a refusal must be a 4xx)");
				}
			}
		}
		assertThat(unexpected).isEmpty();
	}

	private DemandId demandFor(String pattern) {
		Viewer township = viewer(Persona.TOWNSHIP);
		DemandId id = this.desk.create(township,
				new DemandDraft(DemandKind.DOCUMENT, "矩阵测试", "请各社区报送。", "民政", null, List.of(VILLAGE_A_UNIT), null, null,
						China.today().plusDays(30), null, null, null, false, false, false, false, null));
		if (pattern.endsWith("/justifications") || pattern.endsWith("/approve") || pattern.endsWith("/reject")
				|| pattern.endsWith("/issue") || pattern.endsWith("/close")) {
			var verdict = this.gatekeeper.submit(township, id, null);
			assertThat(verdict.status()).isEqualTo(DemandStatus.NEEDS_JUSTIFICATION);
		}
		if (pattern.endsWith("/approve") || pattern.endsWith("/reject") || pattern.endsWith("/issue")
				|| pattern.endsWith("/close")) {
			Map<String, String> answers = new HashMap<>();
			CHECK_CODES.forEach(c -> answers.put(c, "确有必要"));
			this.desk.justify(township, id, null, answers);
		}
		if (pattern.endsWith("/issue") || pattern.endsWith("/close")) {
			this.gatekeeper.approve(viewer(Persona.GATEKEEPER), id, null, "同意");
		}
		if (pattern.endsWith("/close")) {
			this.desk.issue(township, id, null);
			awaitLedgerEntry(id);
		}
		return id;
	}

	/**
	 * The ledger writes entries after the issue commits, asynchronously; waits a bounded
	 * time for them.
	 */
	private void awaitLedgerEntry(DemandId id) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.jdbc.sql("select count(*) from ledger_entry where demand_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("ledger entry of demand " + id.value()).isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private UsernamePasswordAuthenticationToken signedInAs(Persona persona) {
		UserDetails details = this.signedIn.get(persona);
		return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
	}

	private Viewer viewer(Persona persona) {
		return ((Viewer.Signed) this.signedIn.get(persona)).viewer();
	}

	/**
	 * Path variables name objects owned by or addressed to village A, made fresh for
	 * every call: a token of village A, or a demand from the township to village A in the
	 * state the action needs.
	 */
	private String expand(String pattern, Persona caller) {
		Map<String, String> values = new HashMap<>();
		values.put("code", VILLAGE_A_UNIT);
		values.put("username", "village");
		if (pattern.contains("/tokens/{id}")) {
			values.put("id", String.valueOf(this.tokens.create(viewer(Persona.VILLAGE_A), "matrix", null).id()));
		}
		else if (pattern.contains("/demands/{id}")) {
			DemandId demand = demandFor(pattern);
			values.put("id", String.valueOf(demand.value()));
			if (pattern.contains("{attachmentId}")) {
				values.put("attachmentId",
						String.valueOf(
								this.attachments
									.add(viewer(Persona.TOWNSHIP), demand, "矩阵.txt",
											new ByteArrayInputStream("矩阵附件".getBytes(StandardCharsets.UTF_8)))
									.id()));
			}
		}
		else if (pattern.contains("/meetings/") && pattern.contains("{id}")) {
			values.putAll(meetingValues(pattern));
		}
		else if (pattern.contains("/catalogue/") && pattern.contains("{id}")) {
			values.put("id", String.valueOf(catalogueId(pattern)));
		}
		else if (pattern.contains("/inbox/{demandId}")) {
			values.put("demandId", String.valueOf(demandFor("/close").value()));
		}
		values.put("table", "townships");
		values.put("format", "csv");
		if (pattern.equals("/rulebook/overrides/clear") && KEEPERS.contains(caller)) {
			Viewer keeper = viewer(caller);
			this.rulebook.override(keeper, keeper.unitCode(), "lead-time.meeting", "4", "matrix");
		}
		String path = pattern;
		for (var value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		return path;
	}

}
