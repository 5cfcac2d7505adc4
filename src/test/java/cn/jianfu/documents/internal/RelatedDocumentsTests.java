package cn.jianfu.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;

/**
 * Relations through the API: a forwarding document contains its parent, a light edit is a
 * near-duplicate, the same text for another year is a re-issue, two documents in one make
 * a bundle, and other counties see nothing.
 */
@DatabaseTest
@AutoConfigureMockMvc
class RelatedDocumentsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Corpus corpus;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	static final String CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研";

	static String prose(long seed, int length) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			for (int i = 0, n = 8 + random.nextInt(20); i < n; i++) {
				text.append(CHARS.charAt(random.nextInt(CHARS.length())));
			}
			text.append(random.nextInt(4) == 0 ? "。\n" : "，");
		}
		return text.toString();
	}

	long register(String username, String text) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/documents").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("text", text)))
				.with(user(this.accounts.loadUserByUsername(username))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) this.json.readValue(body, Map.class).get("id")).longValue();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> related(String username, String text) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/documents/related").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("text", text)))
				.with(user(this.accounts.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readValue(body, List.class);
	}

	static Object relationOf(List<Map<String, Object>> related, long id) {
		return related.stream()
			.filter(r -> ((Number) r.get("id")).longValue() == id)
			.map(r -> r.get("relation"))
			.findFirst()
			.orElse(null);
	}

	@Test
	void findsForwardingNearDuplicatesReissuesAndBundlesWithinScope() throws Exception {
		String upper = "关于做好2031年度相关统计工作的通知\n各乡镇（街道）：\n" + prose(7101, 1500) + "\n2031年3月1日";
		String other = "关于开展2031年度巡查整改工作的通知\n各乡镇（街道）：\n" + prose(7102, 1200) + "\n2031年3月9日";
		long upperId = register("issuer", upper);
		long otherId = register("issuer", other);
		// stored with its shingle set, which confirmation reads instead of re-shingling
		long[] upperSet = cn.jianfu.text.Shingles.of(DocumentReader.parseText(upper).text());
		assertThat(this.corpus.shingles(upperId)).hasValueSatisfying(set -> assertThat(set).isEqualTo(upperSet));
		// a sketch stored before V25 (no shingle set) is recomputed from the text
		this.jdbc.sql("update document_sketch set shingles = null where document_id = :id")
			.param("id", upperId)
			.update();
		assertThat(this.corpus.upgradeSketches()).isGreaterThanOrEqualTo(1);
		assertThat(this.corpus.shingles(upperId)).hasValueSatisfying(set -> assertThat(set).isEqualTo(upperSet));

		String forwarding = "关于转发统计工作通知的通知\n各村（社区）：\n现将区民政局通知转发给你们，请认真贯彻执行。\n" + upper + "\n" + prose(7103, 3000);
		List<Map<String, Object>> forwarded = related("township", forwarding);
		assertThat(relationOf(forwarded, upperId)).isEqualTo("contains");
		Map<String, Object> first = forwarded.get(0);
		assertThat(((Number) first.get("containment")).doubleValue()).isGreaterThan(0.95);
		assertThat(((Number) first.get("jaccard")).doubleValue()).isLessThan(0.5);

		String edited = upper.replace("各乡镇（街道）", "各镇街").substring(0, upper.length() - 40) + "特此通知。";
		assertThat(relationOf(related("village", edited), upperId)).isEqualTo("near-duplicate");

		assertThat(relationOf(related("issuer", upper.replace("2031", "2032")), upperId)).isEqualTo("reissue");

		List<Map<String, Object>> bundle = related("issuer", upper + "\n" + other + "\n" + prose(7104, 500));
		assertThat(relationOf(bundle, upperId)).isEqualTo("bundles");
		assertThat(relationOf(bundle, otherId)).isEqualTo("bundles");

		assertThat(relationOf(related("issuer", prose(7105, 2000)), upperId)).isNull();
		assertThat(related("kaizhou.issuer", forwarding)).isEmpty();
	}

}
