package cn.jianfu.documents.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.jianfu.DatabaseTest;

/**
 * Intake through the API: every format parses into its official elements, and every bad
 * input gets its own code, never a 500.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DocumentIntakeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	ResultActions parse(String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/documents/parse").file(new MockMultipartFile("file", name, null, content))
				.with(user(this.accounts.loadUserByUsername("village"))));
	}

	@Test
	void readsTheElementsOfANumberedDocumentFromDocx() throws Exception {
		parse("通知.docx", Samples.docx(Samples.NOTICE)).andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("docx"))
			.andExpect(jsonPath("$.docNumber").value("铜民发〔2025〕12号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区民政局"))
			.andExpect(jsonPath("$.title").value("重庆市铜梁区民政局关于开展2025年度社会救助专项检查的通知"))
			.andExpect(jsonPath("$.recipients[0]").value("各镇人民政府"))
			.andExpect(jsonPath("$.recipients[1]").value("街道办事处"))
			.andExpect(jsonPath("$.date").value("2025-04-18"))
			.andExpect(jsonPath("$.kind").value("numbered"))
			.andExpect(jsonPath("$.directive").value(true))
			.andExpect(jsonPath("$.attachments[0]").value("社会救助专项检查表"))
			.andExpect(jsonPath("$.attachments[1]").value("检查情况汇总表"))
			.andExpect(jsonPath("$.copyTo[1]").value("区财政局"))
			.andExpect(jsonPath("$.printedBy").value("重庆市铜梁区民政局办公室"))
			.andExpect(jsonPath("$.citedNumbers[0]").value("渝民发〔2025〕3号"))
			.andExpect(jsonPath("$.citedTitles[0]").value("社会救助暂行办法"));
	}

	@Test
	void detectsGb18030AndBig5AndConvertsTraditionalToSimplified() throws Exception {
		parse("a.txt", Samples.NOTICE.getBytes(Charset.forName("GB18030"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.charset").value("GB18030"))
			.andExpect(jsonPath("$.docNumber").value("铜民发〔2025〕12号"));
		String traditional = "關於進一步加強鄉鎮工作的通知\n各鄉鎮、街道：\n請於二○二五年五月三十日前報送工作總結。\n縣政府辦公室\n二○二五年四月十八日\n";
		parse("b.txt", traditional.getBytes(Charset.forName("Big5"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.charset").value("Big5"))
			.andExpect(jsonPath("$.traditional").value(true))
			.andExpect(jsonPath("$.title").value("关于进一步加强乡镇工作的通知"))
			.andExpect(jsonPath("$.date").value("2025-04-18"))
			.andExpect(jsonPath("$.kind").value("note"))
			.andExpect(jsonPath("$.directive").value(true));
	}

	@Test
	void foldsFullWidthAndReportsMojibake() throws Exception {
		String text = "关于报送２０２５年数据的通知\n各社区：\n请按时报送。锟斤拷锟斤拷\n";
		parse("c.txt", text.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("关于报送2025年数据的通知"))
			.andExpect(jsonPath("$.mojibake[0].sample").value("锟斤拷锟斤拷"))
			.andExpect(jsonPath("$.text", not(containsString("锟"))));
	}

	@Test
	void stripsNavigationScriptsAndHiddenBlocksFromHtml() throws Exception {
		String html = "<html><head><meta charset=\"gb2312\"><title>t</title><script>var x='脚本';</script></head><body>"
				+ "<nav>首页 | 政务公开</nav><div class=\"breadcrumb\">当前位置</div>"
				+ "<div style=\"display:none\">隐藏关键词 减负 减负</div><h1>关于开展村务公开检查的通知</h1>"
				+ "<p>各村（社区）：</p><p>请于6月1日前报送自查报告。</p><footer>版权所有</footer></body></html>";
		parse("d.html", html.getBytes(Charset.forName("GB18030"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("html"))
			.andExpect(jsonPath("$.title").value("关于开展村务公开检查的通知"))
			.andExpect(jsonPath("$.text", not(containsString("隐藏"))))
			.andExpect(jsonPath("$.text", not(containsString("首页"))))
			.andExpect(jsonPath("$.text", not(containsString("脚本"))))
			.andExpect(jsonPath("$.text", not(containsString("版权"))))
			.andExpect(jsonPath("$.directive").value(true));
	}

	@Test
	void readsThePdfTextLayer() throws Exception {
		parse("e.pdf", Samples.pdf("Notice on the 2025 inspection of social assistance", false))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("pdf"))
			.andExpect(jsonPath("$.text", containsString("social assistance")));
	}

	@Test
	void classifiesNewsAsOther() throws Exception {
		parse("f.txt", "本报讯（记者 王平）昨日，我区召开乡村振兴工作推进会，各部门负责同志参加会议。".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("other"))
			.andExpect(jsonPath("$.docNumber").doesNotExist());
	}

	@Test
	void toleratesOtherBracketsInDocumentNumbers() {
		for (String n : new String[] { "渝府办发[2020]12号", "渝府办发【2020】12号", "渝府办发（2020）12号", "渝府办发〔2020〕第12号" }) {
			org.assertj.core.api.Assertions.assertThat(OfficialElements.normalizeNumber(n)).isEqualTo("渝府办发〔2020〕12号");
		}
	}

	@Test
	void givesEachBadInputItsOwnCode() throws Exception {
		parse("empty.txt", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.empty"));
		parse("blank.txt", "  \n\n ".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.empty"));
		parse("broken.docx", "PK\u0003\u0004garbage that is not a zip".getBytes(StandardCharsets.ISO_8859_1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.corrupt"));
		parse("broken.pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.ISO_8859_1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.corrupt"));
		parse("bomb.docx", Samples.zip("word/document.xml", new byte[60 * 1024 * 1024], 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.zip-bomb"));
		parse("many.docx", Samples.zip("word/x", new byte[1], 1100)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.zip-bomb"));
		parse("xxe.docx", Samples.xxeDocx()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.xxe"));
		parse("locked.pdf", Samples.pdf("secret text of the notice", true)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.encrypted"));
		parse("scan.pdf", Samples.pdf(null, false)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.scanned"));
		parse("notice.docx", Samples.pdf("Notice text in a PDF file", false))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("document.wrong-extension"));
		parse("tool.exe", new byte[] { 'M', 'Z', 0, 0, 1, 2, 3 }).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("document.unsupported"));
		parse("huge.txt", new byte[21 * 1024 * 1024]).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("document.too-large"))
			.andExpect(jsonPath("$.message_en", containsString("limit")));
	}

}
