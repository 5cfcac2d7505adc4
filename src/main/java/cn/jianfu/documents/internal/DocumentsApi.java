package cn.jianfu.documents.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The documents API: read a file into its official elements, register a document in the
 * corpus (history import), and find the relatives of a file or a text among the documents
 * the caller may see.
 */
@RestController
class DocumentsApi {

	/** The gate's longest body; a longer document is drafted with its text cut there. */
	static final int MAX_BODY = 200_000;

	private final DocumentReader reader;

	private final Corpus corpus;

	private final DemandIntake intake;

	DocumentsApi(DocumentReader reader, Corpus corpus, DemandIntake intake) {
		this.reader = reader;
		this.corpus = corpus;
		this.intake = intake;
	}

	/**
	 * Drafts a DOCUMENT demand at the gate from a file: its normalised, Simplified text
	 * is the body, its title the title, a note without a number is drafted as a note
	 * (which counts against the document quota), and the details carry what the gate's
	 * length rule counts ({@code document.length}, the normalised length, with
	 * {@code document.length.body}, the body's length when it was measured, so an edited
	 * body is counted afresh).
	 */
	@PostMapping(path = "/api/v1/documents/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> draft(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable LocalDate dueDate,
			@RequestParam(required = false) @Nullable List<String> recipientUnitCodes,
			@RequestParam(required = false) @Nullable Integer recipientLevel,
			@RequestParam(required = false) @Nullable String recipientUnder,
			@RequestParam(required = false) @Nullable Boolean specialTask,
			@RequestParam(required = false) @Nullable Long parentId) {
		ParsedDocument parsed = read(file);
		String text = parsed.text();
		String body = text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY);
		String title = parsed.title() != null ? parsed.title() : file.getOriginalFilename();
		if (title != null && title.length() > 200) {
			title = title.substring(0, 200);
		}
		OfficialElements e = parsed.elements();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("document.length", Integer.toString(parsed.length()));
		details.put("document.length.body", Integer.toString(cn.jianfu.text.Normalization.length(body.strip())));
		details.put("document.kind", e.kind().json());
		details.put("document.directive", Boolean.toString(e.directive()));
		if (e.docNumber() != null) {
			details.put("document.number", e.docNumber());
		}
		long id = this.intake.draft(signed.viewer(),
				new DemandDraft(DemandKind.DOCUMENT, title, body, null, null, recipientUnitCodes, recipientLevel,
						recipientUnder, dueDate, null, null, parentId, specialTask,
						e.kind() == OfficialElements.Kind.NOTE, null, null, null, details));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("demandId", id);
		answer.putAll(json(parsed));
		answer.remove("text");
		return answer;
	}

	@PostMapping(path = "/api/v1/documents/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> parse(@RequestParam(required = false) @Nullable MultipartFile file) {
		return json(read(file));
	}

	@PostMapping(path = "/api/v1/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable MultipartFile file) {
		return register(signed.viewer(), read(file));
	}

	@PostMapping(path = "/api/v1/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> registerText(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody TextRequest request) {
		return register(signed.viewer(), text(request));
	}

	@PostMapping(path = "/api/v1/documents/related", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<Corpus.Related> related(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable MultipartFile file) {
		return this.corpus.related(signed.viewer().scope(), read(file), null);
	}

	@PostMapping(path = "/api/v1/documents/related", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<Corpus.Related> relatedText(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody TextRequest request) {
		return this.corpus.related(signed.viewer().scope(), text(request), null);
	}

	record TextRequest(@Nullable String text) {
	}

	private Map<String, Object> register(Viewer viewer, ParsedDocument parsed) {
		if (!viewer.has(Role.ISSUER) && !viewer.has(Role.GATEKEEPER) && !viewer.has(Role.ADMIN)) {
			throw new Problem(HttpStatus.FORBIDDEN, "document.register-forbidden");
		}
		long id = this.corpus.register(new Corpus.Owner(viewer.unitCode(), viewer.username(), "IMPORT", null, null),
				parsed);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.putAll(json(parsed));
		body.remove("text");
		return body;
	}

	private ParsedDocument text(TextRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			throw Problem.badRequest("document.empty");
		}
		if (request.text().length() > this.reader.maxBytes()) {
			throw DocumentReader.tooLarge(null, this.reader.maxBytes());
		}
		return DocumentReader.parseText(request.text());
	}

	private ParsedDocument read(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw Problem.badRequest("document.empty");
		}
		if (file.getSize() > this.reader.maxBytes()) {
			throw DocumentReader.tooLarge(file.getOriginalFilename(), this.reader.maxBytes());
		}
		try {
			return this.reader.read(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw Problem.badRequest("document.corrupt", "upload");
		}
	}

	static Map<String, Object> json(ParsedDocument p) {
		OfficialElements e = p.elements();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("format", p.format());
		body.put("charset", p.charset());
		body.put("traditional", p.traditional());
		body.put("title", e.title());
		body.put("docNumber", e.docNumber());
		body.put("issuer", e.issuer());
		LocalDate date = e.date();
		body.put("date", date == null ? null : date.toString());
		body.put("recipients", e.recipients());
		body.put("kind", e.kind().json());
		body.put("directive", e.directive());
		body.put("relays", e.relays());
		body.put("attachments", e.attachments());
		body.put("copyTo", e.copyTo());
		body.put("printedBy", e.printedBy());
		body.put("citedNumbers", e.citedNumbers());
		body.put("citedTitles", e.citedTitles());
		body.put("mojibake",
				p.mojibake().stream().map(r -> Map.of("offset", r.offset(), "sample", r.sample())).toList());
		body.put("length", p.length());
		body.put("text", p.text());
		return body;
	}

}
