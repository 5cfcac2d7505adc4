package cn.jianfu.gate.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.RuleRef;
import cn.jianfu.platform.Problem;

/**
 * The burden-consistency assessment (为基层减负一致性评估) as a weighted checklist from
 * {@code gate/assessment.tsv}: each question with its weight and source; the score is the
 * sum of the weights answered yes, out of 100.
 */
@Component
public class AssessmentChecklist {

	static final String RESOURCE = "gate/assessment.tsv";

	private final List<Question> questions;

	public AssessmentChecklist() {
		this.questions = load();
	}

	public List<Question> questions() {
		return this.questions;
	}

	/**
	 * Scores the answers; a question left out counts as answered no, and an unknown
	 * question is refused.
	 */
	public Assessment score(Map<String, Boolean> answers) {
		for (String key : answers.keySet()) {
			if (this.questions.stream().noneMatch(q -> q.key().equals(key))) {
				throw Problem.badRequest("demand.assessment.unknown", key);
			}
		}
		int total = this.questions.stream().mapToInt(Question::weight).sum();
		int yes = this.questions.stream()
			.filter(q -> Boolean.TRUE.equals(answers.get(q.key())))
			.mapToInt(Question::weight)
			.sum();
		return new Assessment(answers, Math.round(100f * yes / total));
	}

	private static List<Question> load() {
		List<Question> questions = new ArrayList<>();
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("key\t")) {
					continue;
				}
				String[] c = line.split("\t", -1);
				if (c.length != 6) {
					throw new IllegalStateException(RESOURCE + ": expected 6 columns in " + line);
				}
				questions.add(new Question(c[0], Integer.parseInt(c[1]), c[2], c[3], new RuleRef(c[4], c[5])));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
		return List.copyOf(questions);
	}

	/** One question of the checklist; yes is the burden-consistent answer. */
	public record Question(String key, int weight, String zh, String en, RuleRef source) {
	}

}
