package cn.jianfu.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Resolves a message key in both of the platform's languages, Chinese first, for errors
 * that must be understood whatever the reader's locale: API problems, import summaries
 * and command-line output.
 */
@Component
public class Bilingual {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	private final MessageSource messages;

	public Bilingual(MessageSource messages) {
		this.messages = messages;
	}

	public Text text(String key, Object... args) {
		return new Text(this.messages.getMessage(key, args, key, CHINESE),
				this.messages.getMessage(key, args, key, ENGLISH));
	}

	/**
	 * A message in Chinese and English.
	 */
	public record Text(String zh, String en) {

		@Override
		public String toString() {
			return this.zh + " / " + this.en;
		}

	}

}
