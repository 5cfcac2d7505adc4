package cn.jianfu;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot test that talks to the database, run on H2 in the default test run and
 * once more on PostgreSQL (the Maven execution {@code postgresql}, which selects the tag
 * {@code database}).
 * <p>
 * On PostgreSQL each test JVM gets a database of its own, created fresh; where no server
 * answers at 127.0.0.1:5432 the tests are skipped with a message, unless
 * {@code jianfu.require-external} is true (as in CI), when they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@SpringBootTest
@ExtendWith(TestDatabase.class)
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DatabaseTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
