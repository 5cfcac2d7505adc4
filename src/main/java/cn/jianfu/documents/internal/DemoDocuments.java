package cn.jianfu.documents.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo documents for a first start: a numbered notice of 铜梁区民政局, the street office's
 * notice that forwards it, and a white-header note; loaded after the demo organisation
 * and only when the corpus is empty.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoDocuments implements ApplicationRunner {

	static final String COUNTY = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String NOTICE = """
			重庆市铜梁区民政局文件
			铜民发〔2025〕12号
			重庆市铜梁区民政局关于开展2025年度社会救助专项检查的通知
			各镇人民政府、街道办事处：
			为深入贯彻落实《社会救助暂行办法》，按照渝民发〔2025〕3号文件要求，进一步规范社会救助工作，现就开展社会救助专项检查有关事项通知如下。
			一、检查范围。全区各镇街最低生活保障、特困人员救助供养、临时救助对象的认定、审核审批和资金发放情况。
			二、检查内容。重点检查救助对象是否符合条件、审核审批程序是否规范、救助资金是否按时足额发放、动态管理是否到位。
			三、时间安排。各镇街于2025年5月15日前完成自查，区民政局于6月组织抽查。
			四、工作要求。各镇街要高度重视，认真组织，如实反映问题，不得层层加码，不得要求村（社区）重复填报数据。
			重庆市铜梁区民政局
			2025年4月18日
			抄送：区纪委监委，区财政局。
			重庆市铜梁区民政局办公室 2025年4月18日印发
			""";

	static final String FORWARD = """
			巴川街道办事处关于转发《重庆市铜梁区民政局关于开展2025年度社会救助专项检查的通知》的通知
			各村（社区）：
			现将《重庆市铜梁区民政局关于开展2025年度社会救助专项检查的通知》（铜民发〔2025〕12号）转发给你们，请认真贯彻执行。
			""" + NOTICE.lines().skip(2).reduce("", (a, b) -> a + b + "\n") + """
			请各村（社区）于2025年5月10日前将自查情况报街道社会事务办。
			巴川街道办事处
			2025年4月22日
			""";

	static final String NOTE = """
			关于报送养老服务设施底数的通知
			各社区：
			请于6月1日前报送辖区养老服务设施清单，包括名称、地址、床位数和负责人联系电话。
			巴川街道社会事务办
			2025年5月20日
			""";

	private final Corpus corpus;

	private final JdbcClient jdbc;

	DemoDocuments(Corpus corpus, JdbcClient jdbc) {
		this.corpus = corpus;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		long count = this.jdbc.sql("select count(*) from document").query(Long.class).single();
		boolean units = this.jdbc.sql("select count(*) from unit where code in (:a, :b)")
			.param("a", COUNTY)
			.param("b", BACHUAN)
			.query(Long.class)
			.single() == 2;
		if (count > 0 || !units) {
			return;
		}
		this.corpus.register(new Corpus.Owner(COUNTY, "demo", "IMPORT", null, null), DocumentReader.parseText(NOTICE));
		this.corpus.register(new Corpus.Owner(BACHUAN, "demo", "IMPORT", null, null),
				DocumentReader.parseText(FORWARD));
		this.corpus.register(new Corpus.Owner(BACHUAN, "demo", "IMPORT", null, null), DocumentReader.parseText(NOTE));
	}

}
