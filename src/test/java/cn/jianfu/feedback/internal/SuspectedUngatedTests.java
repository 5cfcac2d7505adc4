package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * An ungated-demand report whose text the documents module finds in no issued document
 * reaches the supervisors' triage marked as a likely bypass of the gate.
 */
@DatabaseTest
@AutoConfigureMockMvc
class SuspectedUngatedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aReportMatchingNoIssuedDocumentIsMarkedForTheSupervisor() throws Exception {
		String text = "电话通知各社区每周五前报送秸秆禁烧巡查照片和签到表，编号 QX-7731";
		this.mvc
			.perform(multipart("/api/v1/inbox/ungated").param("channel", "PHONE")
				.param("issuer", "区农业农村委某科室")
				.param("receivedOn", "2026-11-20")
				.param("text", text)
				.with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isCreated());
		UserDetails supervisor = this.accounts.loadUserByUsername("supervisor");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String page = this.mvc
				.perform(get("/supervision").with(authentication(UsernamePasswordAuthenticationToken
					.authenticated(supervisor, null, supervisor.getAuthorities()))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			int at = page.indexOf("QX-7731");
			assertThat(at).as("the report is listed").isPositive();
			String row = page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
			assertThat(row).contains("QX-7731").contains("与任何已准入发文均不相符");
		});
	}

}
