package cn.jianfu.duties.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.duties.internal.CaseStatistics;
import cn.jianfu.duties.internal.DutyList;
import cn.jianfu.duties.internal.DutyLists;
import cn.jianfu.duties.internal.DutyWorkbook;
import cn.jianfu.duties.internal.ImportErrors;
import cn.jianfu.duties.internal.ListFlags;
import cn.jianfu.duties.internal.ListImport;
import cn.jianfu.duties.internal.PowerRegister;
import cn.jianfu.duties.internal.ServiceCases;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Problem;

/**
 * The duties API: lists (read, Excel export and import), the one-click refusal of a
 * demand outside the caller's list, the power register, service cases and their
 * statistics.
 */
@RestController
class DutiesApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final DutyLists lists;

	private final ListImport listImport;

	private final DutyWorkbook workbook;

	private final ListFlags flags;

	private final PowerRegister register;

	private final ServiceCases cases;

	private final CaseStatistics statistics;

	private final Bilingual messages;

	DutiesApi(DutyLists lists, ListImport listImport, DutyWorkbook workbook, ListFlags flags, PowerRegister register,
			ServiceCases cases, CaseStatistics statistics, Bilingual messages) {
		this.lists = lists;
		this.listImport = listImport;
		this.workbook = workbook;
		this.flags = flags;
		this.register = register;
		this.cases = cases;
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/api/v1/duties/units/{code}")
	DutyList list(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		return this.lists.read(signed.viewer(), code).orElseThrow(() -> Problem.notFound("duty-list", code));
	}

	@GetMapping("/api/v1/duties/units/{code}/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		DutyList list = list(signed, code);
		return xlsx(this.workbook.write(list), code);
	}

	/**
	 * Imports a unit's list from an Excel workbook (multipart {@code file}); all or
	 * nothing.
	 */
	@PostMapping(path = "/api/v1/duties/units/{code}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ListImport.Summary importList(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String approvedBy,
			@RequestParam(required = false) @Nullable String approvalRef,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		this.lists.requireWritable(signed.viewer(), code);
		if (file == null) {
			throw Problem.badRequest("duties.import.file", ListImport.MAX_BYTES);
		}
		DutyLists.Approval approval = new DutyLists.Approval(approvedBy == null ? "" : approvedBy,
				approvalRef == null ? "" : approvalRef);
		return this.listImport.importList(signed.viewer(), code, file.getInputStream(), file.getSize(), approval,
				dryRun);
	}

	@GetMapping("/api/v1/duties/flags")
	List<ListFlags.Flag> flags(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.flags.forUnit(signed.viewer());
	}

	/** Refuses a demand outside the caller's list, citing the missing entry. */
	@PostMapping("/api/v1/duties/demands/{id}/refusal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void refuse(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		this.flags.refuse(signed.viewer(), id);
	}

	@GetMapping("/api/v1/duties/powers")
	List<PowerView> powers(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.register.powers()
			.stream()
			.map(p -> new PowerView(p, this.register.history(signed.viewer(), p.code())))
			.toList();
	}

	/**
	 * Records who exercises a step from a day; repeating an entry that exists unchanged
	 * changes nothing.
	 */
	@PostMapping("/api/v1/duties/powers/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	void assign(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody AssignmentRequest request) {
		if (request.power() == null || request.step() == null || request.countyCode() == null || request.level() == null
				|| request.since() == null) {
			throw Problem.badRequest("duties.assignment.level");
		}
		this.register.assign(signed.viewer(), request.power(), request.step(), request.countyCode(),
				UnitLevel.of(request.level()), request.since(),
				request.instrument() == null ? "" : request.instrument());
	}

	@GetMapping("/api/v1/duties/cases")
	List<CaseView> cases(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.cases.list(signed.viewer(), 500).stream().map(c -> new CaseView(c, this.cases.warning(c))).toList();
	}

	@PostMapping("/api/v1/duties/cases")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> open(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody CaseRequest request) {
		if (request.power() == null || request.homeUnitCode() == null || request.openedOn() == null) {
			throw Problem.badRequest("duties.case.applicant", 200);
		}
		return Map.of("id", this.cases.open(signed.viewer(), request.power(), request.homeUnitCode(),
				request.applicant() == null ? "" : request.applicant(), request.openedOn()));
	}

	/**
	 * One case; by query ({@code ?id=}) so that case ids never look like unit codes in
	 * paths.
	 */
	@GetMapping("/api/v1/duties/case")
	CaseView caseView(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam("id") long caseId) {
		ServiceCases.Case c = this.cases.require(signed.viewer(), caseId);
		return new CaseView(c, this.cases.warning(c));
	}

	@PostMapping("/api/v1/duties/case/steps")
	CaseView advance(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam("id") long caseId,
			@RequestBody StepRequest request) {
		if (request.on() == null || request.outcome() == null) {
			throw Problem.badRequest("duties.case.outcome", String.valueOf(request.outcome()));
		}
		this.cases.advance(signed.viewer(), caseId, request.on(), request.outcome());
		return caseView(signed, caseId);
	}

	@GetMapping("/api/v1/duties/statistics")
	List<CaseStatistics.Row> statistics(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate splitOn) {
		return this.statistics.decisionTimes(signed.viewer(), splitOn);
	}

	@ExceptionHandler(ImportErrors.class)
	ResponseEntity<ProblemDetail> importErrors(ImportErrors ex) {
		return ResponseEntity.badRequest().body(problem(this.messages, "duties.import.invalid", ex));
	}

	static ProblemDetail problem(Bilingual messages, String code, ImportErrors ex) {
		Bilingual.Text text = messages.text("problem." + code, ex.errors().size());
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text.zh());
		detail.setType(java.net.URI.create("urn:jianfu:problem:" + code));
		detail.setTitle(text.en());
		detail.setProperty("code", code);
		detail.setProperty("message_zh", text.zh());
		detail.setProperty("message_en", text.en());
		detail.setProperty("errors", ex.errors());
		return detail;
	}

	static ResponseEntity<byte[]> xlsx(byte[] bytes, String code) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"duty-list-" + code + ".xlsx\"")
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(XLSX))
			.body(bytes);
	}

	public record PowerView(PowerRegister.Power power, List<PowerRegister.Assignment> history) {
	}

	public record CaseView(ServiceCases.Case detail, ServiceCases.Warning warning) {
	}

	record AssignmentRequest(@Nullable String power, @Nullable String step, @Nullable String countyCode,
			@Nullable Integer level, @Nullable LocalDate since, @Nullable String instrument) {
	}

	record CaseRequest(@Nullable String power, @Nullable String homeUnitCode, @Nullable String applicant,
			@Nullable LocalDate openedOn) {
	}

	record StepRequest(@Nullable LocalDate on, ServiceCases.@Nullable Outcome outcome) {
	}

}
