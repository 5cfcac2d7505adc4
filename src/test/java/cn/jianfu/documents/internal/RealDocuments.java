package cn.jianfu.documents.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Realistic official documents of every kind, written out in full, and a PDF writer that
 * gives Chinese text a real text layer (a Type 0 font with a ToUnicode map, glyphs not
 * embedded) without needing a CJK font file on the machine.
 */
final class RealDocuments {

	private RealDocuments() {
	}

	/** The county's numbered directive body (what a bundle and the township repeat). */
	static final String INSURANCE_BODY = """
			为切实做好我区2026年度城乡居民基本医疗保险集中参保工作，根据《重庆市城乡居民合作医疗保险实施办法》和渝府办发〔2025〕88号文件精神，经区政府同意，现就有关事项通知如下。
			一、参保范围
			本区行政区域内除职工基本医疗保险应参保人员以外的城乡居民，包括农村居民、城镇非从业居民、在校学生和未成年人，均应参加城乡居民医疗保险。已在外地参保的人员，不得重复参保。
			二、缴费标准
			2026年度个人缴费标准为一档每人每年380元、二档每人每年735元。特困人员、低保对象、返贫致贫人口的个人缴费部分由区财政按规定给予资助，资助资金由区医保局会同区财政局于集中参保期结束后统一结算。
			三、时间安排
			集中参保时间为2026年9月1日至12月31日。各镇街要在9月15日前完成辖区内参保对象的摸底登记，建立参保台账，做到应保尽保、不漏一户、不落一人。
			四、工作要求
			（一）加强组织领导。各镇街要成立由主要负责同志任组长的工作专班，明确分管领导和具体经办人员，将参保任务分解落实到村（社区）。
			（二）强化宣传引导。充分利用村村通广播、院坝会、微信群等方式，宣传参保政策和待遇保障水平，引导群众主动参保、按时缴费。
			（三）严格资金管理。代收的参保费用必须当日解缴至医保基金专户，严禁截留、挪用、坐支。
			（四）按时报送进度。请于每月5日前将上月参保进度报区医保局待遇保障科，12月31日前报送工作总结。
			联系人：张敏，联系电话：45671234。
			""";

	/**
	 * 铜府办发〔2026〕31号: a numbered directive with header, recipients, attachments, copy-to.
	 */
	static final String DIRECTIVE = """
			重庆市铜梁区人民政府办公室文件

			铜府办发〔2026〕31号

			重庆市铜梁区人民政府办公室
			关于开展2026年度城乡居民医疗保险集中参保工作的通知

			各镇人民政府、街道办事处，区政府有关部门：
			""" + INSURANCE_BODY + """

			附件：1.2026年度城乡居民医疗保险参保登记表
			2.资助参保对象名册

			重庆市铜梁区人民政府办公室
			2026年8月20日

			抄送：区委办公室，区人大常委会办公室，区政协办公室。
			重庆市铜梁区人民政府办公室 2026年8月20日印发
			""";

	/**
	 * The same directive re-issued a year later: only the dates and the number differ.
	 */
	static final String REISSUE = DIRECTIVE.replace("2026", "2027")
		.replace("〔2025〕88号", "〔2026〕61号")
		.replace("31号", "29号")
		.replace("8月20日", "8月18日");

	static final String FLOOD_BODY = """
			今年我区入汛时间早、降雨集中，局地强降雨引发山洪、滑坡等灾害的风险较高。为切实做好2026年度防汛备汛工作，确保人民群众生命财产安全，现将有关事项通知如下。
			一、全面排查隐患。各镇街要组织力量对辖区内河道、山坪塘、地质灾害隐患点、在建工地和危旧房屋开展一次拉网式排查，逐一建立隐患排查整改台账，明确整改责任人和整改时限。
			二、落实责任人。各镇街要逐村（社区）落实防汛责任人、巡查员和预警信息发布员，确保每一处隐患点都有人盯守，汛期24小时值班值守，不得脱岗漏岗。
			三、备足物资。各镇街要对照防汛物资储备标准，检查编织袋、救生衣、发电机、抽水泵等物资数量和性能，不足的要及时补充，确保关键时刻拉得出、用得上。
			四、按时报送。请于2026年5月10日前将防汛责任人名单、隐患排查整改台账和物资储备情况报送区应急管理局防汛抗旱科，电子版发送至指定邮箱。
			""";

	/**
	 * A white-header note that sets tasks, as a web page: navigation, a breadcrumb, a
	 * footer, and two hidden blocks stuffed with another document's text and keywords.
	 */
	static final String NOTE_HTML = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
			+ "<title>重庆市铜梁区应急管理局-通知公告</title><script>var keywords='医疗保险 参保';</script>"
			+ "<style>.hide{color:#fff}</style></head><body>"
			+ "<div class=\"top-nav\"><a href=\"/\">首页</a><a href=\"/zwgk\">政务公开</a><a href=\"/bsfw\">办事服务</a></div>"
			+ "<div id=\"breadcrumb\">当前位置：首页 &gt; 通知公告</div>" + "<div style=\"position:absolute;left:-9999px\">"
			+ INSURANCE_BODY.replace("\n", "<br>") + "</div>"
			+ "<span style=\"display: none\">城乡居民医疗保险 集中参保 资助参保 减负 基层减负</span>"
			+ "<div class=\"article\"><h2>关于报送2026年度防汛备汛工作情况的通知</h2><p>各镇人民政府、街道办事处：</p>"
			+ FLOOD_BODY.lines().map(l -> "<p>" + l + "</p>").reduce("", String::concat)
			+ "<p style=\"text-align:right\">重庆市铜梁区应急管理局</p><p style=\"text-align:right\">2026年4月28日</p></div>"
			+ "<div class=\"footer\">主办：重庆市铜梁区应急管理局 版权所有 渝ICP备05003300号</div></body></html>";

	/**
	 * The township forwards the county directive with its own requirements (about 0.8×).
	 */
	static final String FORWARDING = """
			重庆市铜梁区巴川街道办事处文件

			巴川办发〔2026〕45号

			重庆市铜梁区巴川街道办事处
			关于转发《关于开展2026年度城乡居民医疗保险集中参保工作的通知》的通知

			各村（社区），街道各办（所、中心）：
			现将《重庆市铜梁区人民政府办公室关于开展2026年度城乡居民医疗保险集中参保工作的通知》（铜府办发〔2026〕31号）转发给你们，结合街道实际，提出以下要求，请一并抓好落实。
			一、压实村（社区）责任。街道成立由办事处主任任组长、分管副主任任副组长的集中参保工作专班，专班办公室设在街道社会保障服务所。各村（社区）党组织书记是本村（社区）参保工作第一责任人，要落实一名专职人员负责参保登记和台账管理。
			二、细化摸底登记。各村（社区）要以户籍人口为基础，结合人口普查和网格化管理数据，逐户核实参保状态，对外出务工、在外就读、新生儿等重点人群建立专门清单，9月10日前将摸底台账报街道社会保障服务所。
			三、用好资助政策。街道民政办、乡村振兴办要在9月5日前提供特困人员、低保对象和监测对象名单，社会保障服务所逐一比对后报区医保局，确保资助对象全部纳入、不重不漏。
			四、开展集中宣传。利用赶场天在街道便民服务中心门前设置咨询台，各村（社区）至少召开一次院坝会，通过网格员入户讲解参保缴费流程和手机缴费操作方法，帮助老年人完成缴费。
			五、加强督促通报。街道每半月通报一次各村（社区）参保进度，对进度排名后三位的村（社区）由分管领导约谈。各村（社区）请于每月3日前将上月参保进度报街道社会保障服务所，由其汇总后按区里要求上报。
			联系人：李娟，联系电话：45632109。

			附件：铜府办发〔2026〕31号

			重庆市铜梁区巴川街道办事处
			2026年8月26日

			"""
			+ DIRECTIVE;

	/**
	 * One county document that bundles the insurance directive and the flood note (多文合一).
	 */
	static final String BUNDLE = """
			重庆市铜梁区人民政府办公室文件

			铜府办发〔2026〕40号

			重庆市铜梁区人民政府办公室
			关于做好2026年下半年民生重点工作的通知

			各镇人民政府、街道办事处，区政府有关部门：
			为统筹做好下半年医疗保障和防汛减灾等民生重点工作，减少发文数量，经区政府同意，现将有关工作合并部署如下，请认真贯彻执行。
			第一部分 城乡居民医疗保险集中参保
			""" + INSURANCE_BODY + """
			第二部分 防汛备汛
			""" + FLOOD_BODY + """
			第三部分 其他要求
			各镇街要统筹安排工作力量，确保各项工作同步推进、同步落实，不得以会议落实会议、以文件落实文件。

			重庆市铜梁区人民政府办公室
			2026年9月1日
			""";

	/** A news item about the same topic: other, and related to none. */
	static final String NEWS = """
			我区召开城乡居民医疗保险集中参保工作推进会
			本报讯（记者 周涛）8月28日，铜梁区召开城乡居民医疗保险集中参保工作推进会。会议通报了上年度参保情况：全区城乡居民参保率达到96.8%，困难群众资助参保实现全覆盖。
			会议指出，医疗保险关系千家万户，是群众看得见、摸得着的民生实事。区医保局、区税务局要加强协作，优化线上缴费渠道，让群众少跑腿、好办事。
			副区长王刚出席会议并讲话，各镇街分管负责同志参加会议。
			""";

	static final int PAGE_LINES = 52;

	static final int LINE_CHARS = 38;

	/**
	 * A PDF whose text layer holds the given text, line by line (long lines wrapped), in
	 * a Type 0 font with Identity-H encoding and a ToUnicode map: the glyphs are not
	 * embedded, as no CJK font can be assumed on the machine, but the text layer is what
	 * intake reads.
	 */
	static byte[] pdf(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			for (int from = 0; from < Math.max(1, line.length()); from += LINE_CHARS) {
				lines.add(line.substring(from, Math.min(line.length(), from + LINE_CHARS)));
			}
		}
		TreeSet<Character> used = new TreeSet<>();
		text.chars().filter(c -> c > ' ').forEach(c -> used.add((char) c));
		StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
				+ "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
				+ "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
				+ "1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
		List<Character> chars = new ArrayList<>(used);
		for (int from = 0; from < chars.size(); from += 100) {
			List<Character> block = chars.subList(from, Math.min(chars.size(), from + 100));
			cmap.append(block.size()).append(" beginbfchar\n");
			for (char c : block) {
				cmap.append(String.format("<%04X> <%04X>%n", (int) c, (int) c));
			}
			cmap.append("endbfchar\n");
		}
		cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end\n");
		List<String> pages = new ArrayList<>();
		for (int from = 0; from < lines.size(); from += PAGE_LINES) {
			StringBuilder content = new StringBuilder("BT /F1 14 Tf 15 TL 40 800 Td\n");
			for (String line : lines.subList(from, Math.min(lines.size(), from + PAGE_LINES))) {
				content.append('<');
				for (char c : line.toCharArray()) {
					content.append(String.format("%04X", (int) c));
				}
				content.append("> Tj T*\n");
			}
			pages.add(content.append("ET\n").toString());
		}
		List<String> objects = new ArrayList<>();
		int firstPage = 7;
		StringBuilder kids = new StringBuilder();
		for (int i = 0; i < pages.size(); i++) {
			kids.append(firstPage + 2 * i).append(" 0 R ");
		}
		objects.add("<< /Type /Catalog /Pages 2 0 R >>");
		objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
		objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
				+ " /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
		objects.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
				+ " /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>");
		objects.add("<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0"
				+ " /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>");
		objects.add(stream(cmap.toString()));
		for (int i = 0; i < pages.size(); i++) {
			objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
					+ " /Contents " + (firstPage + 2 * i + 1) + " 0 R >>");
			objects.add(stream(pages.get(i)));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			table.append(String.format("%010d 00000 n \n", offset));
		}
		table.append("trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
		write(out, table.toString());
		return out.toByteArray();
	}

	private static String stream(String content) {
		return "<< /Length " + content.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + content
				+ "\nendstream";
	}

	private static void write(ByteArrayOutputStream out, String s) {
		byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
		out.write(bytes, 0, bytes.length);
	}

}
