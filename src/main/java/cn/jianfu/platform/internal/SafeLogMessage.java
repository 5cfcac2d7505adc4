package cn.jianfu.platform.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes a log message with every control character escaped, so that user input carrying
 * CR, LF or terminal escape sequences cannot forge a log line or repaint a terminal
 * (OWASP ASVS 7.3.1).
 * <p>
 * Logback performs no lookups, so {@code ${jndi:...}} in input is written as the literal
 * text it is.
 */
public class SafeLogMessage extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return escape(super.convert(event));
	}

	public static String escape(String message) {
		StringBuilder safe = null;
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
			if (control && safe == null) {
				safe = new StringBuilder(message.length() + 16).append(message, 0, i);
			}
			if (safe != null) {
				if (!control) {
					safe.append(c);
				}
				else if (c == '\n') {
					safe.append("\\n");
				}
				else if (c == '\r') {
					safe.append("\\r");
				}
				else if (c == '\t') {
					safe.append("\\t");
				}
				else {
					safe.append(String.format("\\u%04x", (int) c));
				}
			}
		}
		return safe == null ? message : safe.toString();
	}

}
