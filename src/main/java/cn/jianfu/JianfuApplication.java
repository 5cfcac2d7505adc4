package cn.jianfu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

import cn.jianfu.platform.Subcommand;

/**
 * Starts Jianfu: the web platform by default, or one of the command-line subcommands.
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class JianfuApplication {

	static final String USAGE = """
			Usage: java -jar jianfu.jar [COMMAND] [ARGS] [--property=value ...]
			用法：java -jar jianfu.jar [命令] [参数] [--属性=值 ...]

			Commands 命令:
			  serve                        start the platform (default)            启动平台（默认）
			  import-units FILE [--dry-run] import units from CSV code,name,level,parent_code
			                               从 CSV 导入单位（--dry-run 只检查不写入）
			  audit verify                 verify the SM3 hash chain of the audit log; names the first tampered row
			                               校验审计日志的 SM3 哈希链，指出第一条被篡改的记录
			  bench SUITE [OPTIONS]        run a benchmark suite (bench --help lists the suites)
			                               运行基准测试（bench --help 列出测试套件）
			  --help                       show this text                          显示本帮助

			Common properties 常用属性:
			  --server.port=8080  --jianfu.data-dir=./data  --jianfu.demo=false
			  JIANFU_DB_URL, JIANFU_DB_USER, JIANFU_DB_PASSWORD  use PostgreSQL instead of the embedded H2 database
			""";

	public static void main(String[] args) {
		String command = (args.length == 0 || args[0].startsWith("-")) ? "serve" : args[0];
		if (List.of(args).contains("--help") && command.equals("serve") || command.equals("help")) {
			System.out.print(USAGE);
			return;
		}
		if (command.equals("serve")) {
			SpringApplication.run(JianfuApplication.class, args);
			return;
		}
		System.exit(runSubcommand(command, Arrays.copyOfRange(args, 1, args.length)));
	}

	/**
	 * Runs one subcommand in a context without a web server and returns its exit code.
	 */
	static int runSubcommand(String command, String[] args) {
		List<String> springArgs = new ArrayList<>(
				Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("=")).toList());
		if (springArgs.stream().noneMatch(a -> a.startsWith("--jianfu.demo="))) {
			// A command works on the data as it is (application.properties would
			// otherwise load the demo), except a
			// benchmark, which needs the demo organisation and is run on a scratch
			// database.
			springArgs.add("--jianfu.demo=" + command.equals("bench"));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JianfuApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run(springArgs.toArray(String[]::new))) {
			var commands = context.getBeansOfType(Subcommand.class)
				.values()
				.stream()
				.filter(c -> c.name().equals(command))
				.toList();
			if (commands.isEmpty()) {
				System.err.println("Unknown command 未知命令: " + command);
				System.err.print(USAGE);
				return 2;
			}
			List<String> commandArgs = Arrays.stream(args)
				.filter(a -> !(a.startsWith("--") && a.contains("=")))
				.toList();
			return commands.get(0).run(commandArgs, System.out, System.err);
		}
	}

}
