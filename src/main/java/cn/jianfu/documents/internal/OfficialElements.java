package cn.jianfu.documents.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The elements of an official document after GB/T 9704-2012 (党政机关公文格式): issuing
 * authority, document number (发文字号), title, main recipients (主送机关), date, attachments,
 * copy-to (抄送) and printing lines (印发机关和印发日期), and the classification: a numbered
 * document, a note without a number (白头文件、便笺) or other text (news, a speech); directive
 * (it sets tasks or deadlines for recipients) or informational.
 */
record OfficialElements(@Nullable String issuer, @Nullable String docNumber, @Nullable String title,
		List<String> recipients, @Nullable LocalDate date, List<String> attachments, List<String> copyTo,
		@Nullable String printedBy, Kind kind, boolean directive, List<String> citedNumbers, List<String> citedTitles,
		boolean relays) {

	enum Kind {

		NUMBERED, NOTE, OTHER;

		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** 渝府办发〔2020〕12号, tolerant of [] 【】 （） () ［］ and spaces. */
	static final Pattern DOC_NUMBER = Pattern.compile(
			"([\\p{IsHan}A-Za-z]{1,16}?)\\s*[〔\\[【（(［｛{]\\s*((?:19|20)\\d{2})\\s*[〕\\]】）)］｝}]\\s*第?\\s*(\\d{1,5})\\s*号");

	static final Pattern ARABIC_DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

	static final Pattern CHINESE_DATE = Pattern
		.compile("([〇零○Ｏ0一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");

	static final Pattern TITLE_END = Pattern
		.compile(".*(通知|意见|方案|办法|决定|报告|函|通报|纪要|规定|批复|请示|细则|规划|要点|公告|通告|决议|命令|议案|指引|清单|计划|制度|安排|总结|讲话|公报)$");

	static final Pattern HEADER = Pattern.compile("^(.{2,40}?)(?:文件|文 件|便笺|便函)$");

	static final Pattern SIGNATURE = Pattern
		.compile("^.{2,40}(局|委|办|政府|委员会|办公室|办事处|中心|厅|部|院|所|处|队|会|站|街道|乡|镇|社区|村民委员会|居民委员会|公司)$");

	static final Pattern ATTACHMENT = Pattern
		.compile("^附\\s*件\\s*(\\d{1,2})?\\s*[:：]?\\s*(?:\\d{1,2}\\s*[.．、]\\s*)?(.*)$");

	static final Pattern NUMBERED_ITEM = Pattern.compile("^\\d{1,2}\\s*[.．、]\\s*(.+)$");

	static final Pattern COPY_TO = Pattern.compile("^抄\\s*送\\s*[:：]\\s*(.+?)[。.]?$");

	static final Pattern PRINTED = Pattern
		.compile("^(.{2,40}?)\\s*((?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)\\s*印\\s*发$");

	static final Pattern DIRECTIVE = Pattern.compile("请(?:于|在)[^。；]{0,30}(?:前|之前|以前)[^。；]{0,20}(?:报送|上报|报|提交|反馈|完成|填报)"
			+ "|各(?:乡镇|街道|乡镇（街道）|乡镇\\(街道\\)|单位|部门|区县|村|社区|有关单位|镇街)[^。；]{0,40}(?:要|务必|必须|须|应当|抓紧|认真)"
			+ "|务必|限期|于\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:前|之前)|按时报送|及时上报|逐级上报|请认真贯彻执行|请遵照执行|抓好落实");

	static final Pattern LEAD = Pattern.compile("按照|根据|依据|贯彻|落实|转发|印发|执行|参照|关于|对照|结合|见|按|据|的|和|及|与|将");

	static final Pattern CITED_TITLE = Pattern.compile("《([^《》]{2,80})》");

	static final Pattern RELAYS = Pattern.compile("现将[^。]{0,120}(?:转发|印发|发)给你们|^关于转发|^关于印发|^转发");

	static final Pattern RECIPIENT_LINE = Pattern.compile("^([^。！？]{2,200})[:：]$");

	static final Pattern NEWS = Pattern.compile("记者|讯（|讯\\(|本报|新闻|报道|同志们|讲话|致辞");

	static OfficialElements of(String text) {
		List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		String issuer = null;
		String docNumber = null;
		int titleFrom = 0;
		for (int i = 0; i < Math.min(lines.size(), 6); i++) {
			String line = lines.get(i);
			Matcher header = HEADER.matcher(line.replace(" ", ""));
			if (issuer == null && header.matches() && !TITLE_END.matcher(line).matches()) {
				issuer = header.group(1);
				titleFrom = i + 1;
			}
			Matcher number = DOC_NUMBER.matcher(line);
			if (docNumber == null && number.find() && line.length() <= 40 && !line.contains("《")) {
				docNumber = normalizeNumber(number);
				titleFrom = i + 1;
			}
		}
		String title = null;
		int titleEnd = titleFrom;
		for (int i = titleFrom; i < Math.min(lines.size(), titleFrom + 6) && title == null; i++) {
			StringBuilder candidate = new StringBuilder();
			for (int j = i; j < Math.min(lines.size(), i + 3); j++) {
				String line = lines.get(j);
				if (line.length() > 80 || line.endsWith("：") || line.endsWith(":") || line.endsWith("。")) {
					break;
				}
				candidate.append(line);
				if (TITLE_END.matcher(candidate).matches() || candidate.toString().startsWith("关于") && j == i + 2) {
					title = candidate.toString();
					titleEnd = j + 1;
					break;
				}
			}
		}
		if (title == null && !lines.isEmpty() && lines.get(titleFrom < lines.size() ? titleFrom : 0).length() <= 60) {
			title = lines.get(titleFrom < lines.size() ? titleFrom : 0);
			titleEnd = titleFrom + 1;
		}
		List<String> recipients = new ArrayList<>();
		for (int i = titleEnd; i < Math.min(lines.size(), titleEnd + 3); i++) {
			Matcher m = RECIPIENT_LINE.matcher(lines.get(i));
			if (m.matches()) {
				recipients = split(m.group(1));
				break;
			}
		}
		List<String> attachments = new ArrayList<>();
		List<String> copyTo = new ArrayList<>();
		String printedBy = null;
		int attachmentLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher a = ATTACHMENT.matcher(line);
			if (a.matches() && i > titleEnd && line.length() <= 100) {
				if (attachmentLine < 0) {
					attachmentLine = i;
				}
				if (!a.group(2).isBlank()) {
					attachments.add(a.group(2).strip());
				}
				for (int j = i + 1; j < lines.size(); j++) {
					Matcher item = NUMBERED_ITEM.matcher(lines.get(j));
					if (!item.matches() || lines.get(j).length() > 80) {
						break;
					}
					attachments.add(item.group(1).strip());
					i = j;
				}
				continue;
			}
			Matcher c = COPY_TO.matcher(line);
			if (c.matches()) {
				copyTo = split(c.group(1));
			}
			Matcher p = PRINTED.matcher(line);
			if (p.matches()) {
				printedBy = p.group(1).strip();
			}
		}
		int signed = signatureDate(lines, titleEnd);
		LocalDate date = signed >= 0 ? date(lines.get(signed)) : issueDate(lines);
		if (issuer == null) {
			issuer = signed >= 0 ? lines.get(signed - 1).replace(" ", "") : signature(lines);
		}
		List<String> cited = new ArrayList<>();
		Matcher m = DOC_NUMBER.matcher(text);
		while (m.find()) {
			String number = normalizeNumber(m);
			if (!number.equals(docNumber) && !cited.contains(number)) {
				cited.add(number);
			}
		}
		Set<String> titles = new LinkedHashSet<>();
		Matcher t = CITED_TITLE.matcher(text);
		while (t.find()) {
			titles.add(t.group(1).strip());
		}
		boolean directive = DIRECTIVE.matcher(text).find();
		boolean relays = RELAYS.matcher(text).find() || (title != null && RELAYS.matcher(title).find());
		Kind kind;
		if (docNumber != null) {
			kind = Kind.NUMBERED;
		}
		else if (!recipients.isEmpty() || directive
				|| (title != null && TITLE_END.matcher(title).matches() && !NEWS.matcher(title).find())) {
			kind = NEWS.matcher(lines.isEmpty() ? "" : String.join("", lines.subList(0, Math.min(3, lines.size()))))
				.find() && recipients.isEmpty() ? Kind.OTHER : Kind.NOTE;
		}
		else {
			kind = Kind.OTHER;
		}
		return new OfficialElements(issuer, docNumber, title, recipients, date, attachments, copyTo, printedBy, kind,
				directive, cited, List.copyOf(titles), relays);
	}

	/** 渝府办发〔2020〕12号 in its standard brackets, whatever brackets it was written with. */
	static String normalizeNumber(Matcher m) {
		String prefix = m.group(1);
		Matcher lead = LEAD.matcher(prefix);
		int cut = -1;
		while (lead.find()) {
			cut = lead.end();
		}
		if (cut > 0 && cut < prefix.length()) {
			prefix = prefix.substring(cut);
		}
		return prefix + "〔" + m.group(2) + "〕" + Integer.parseInt(m.group(3)) + "号";
	}

	/** Normalises every document number in a string, for lookups. */
	static @Nullable String normalizeNumber(String given) {
		Matcher m = DOC_NUMBER.matcher(given);
		return m.find() ? normalizeNumber(m) : null;
	}

	private static List<String> split(String list) {
		List<String> parts = new ArrayList<>();
		for (String part : list.split("[、，,；;]")) {
			String clean = part.strip();
			if (!clean.isEmpty()) {
				parts.add(clean);
			}
		}
		return parts;
	}

	/**
	 * The line of the signature date (成文日期): the first short date line right below an
	 * authority's name after the title. The first, because a forwarding document appends
	 * the document it forwards, with that document's own signature, date and copy-to
	 * lines, after its own signature. -1 when there is none.
	 */
	private static int signatureDate(List<String> lines, int from) {
		for (int i = Math.max(1, from); i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.length() <= 20 && date(line) != null
					&& SIGNATURE.matcher(lines.get(i - 1).replace(" ", "")).matches()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The signature date (成文日期) when no date stands below a signature: the last date
	 * before the attachments and the copy-to lines.
	 */
	private static @Nullable LocalDate issueDate(List<String> lines) {
		LocalDate found = null;
		for (String line : lines) {
			if (COPY_TO.matcher(line).matches() || PRINTED.matcher(line).matches()) {
				break;
			}
			if (line.length() > 30) {
				continue;
			}
			LocalDate date = date(line);
			if (date != null) {
				found = date;
			}
		}
		if (found == null) {
			for (String line : lines) {
				LocalDate date = date(line);
				if (date != null) {
					return date;
				}
			}
		}
		return found;
	}

	static @Nullable LocalDate date(String line) {
		try {
			Matcher a = ARABIC_DATE.matcher(line);
			if (a.find()) {
				return LocalDate.of(Integer.parseInt(a.group(1)), Integer.parseInt(a.group(2)),
						Integer.parseInt(a.group(3)));
			}
			Matcher c = CHINESE_DATE.matcher(line);
			if (c.find()) {
				int year = 0;
				for (char ch : c.group(1).toCharArray()) {
					year = year * 10 + digit(ch);
				}
				return LocalDate.of(year, chineseNumber(c.group(2)), chineseNumber(c.group(3)));
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static int digit(char c) {
		int i = "〇一二三四五六七八九".indexOf(c);
		if (i >= 0) {
			return i;
		}
		return (c == '零' || c == '○' || c == 'Ｏ' || c == '0') ? 0 : -100000;
	}

	/** 一 to 三十一. */
	static int chineseNumber(String s) {
		int ten = s.indexOf('十');
		if (ten < 0) {
			return digit(s.charAt(0));
		}
		int tens = ten == 0 ? 1 : digit(s.charAt(0));
		int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
		return tens * 10 + ones;
	}

	private static @Nullable String signature(List<String> lines) {
		for (int i = lines.size() - 1; i > 0; i--) {
			if (date(lines.get(i)) != null && lines.get(i).length() <= 20) {
				String before = lines.get(i - 1).replace(" ", "");
				if (SIGNATURE.matcher(before).matches()) {
					return before;
				}
			}
		}
		return null;
	}

}
