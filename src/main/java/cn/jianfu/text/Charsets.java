package cn.jianfu.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Detects the charset of Chinese plain text: a byte-order mark, then strict UTF-8 (a
 * decoder that refuses malformed input), else Big5 when both a statistical detector and a
 * count of common characters agree, else GB18030 (a superset of GBK and GB2312).
 */
public final class Charsets {

	public static final Charset GB18030 = Charset.forName("GB18030");

	public static final Charset BIG5 = Charset.forName("Big5");

	private Charsets() {
	}

	/** The charset of the bytes, by the rules above. */
	public static Charset detect(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
			return StandardCharsets.UTF_8;
		}
		if (bytes.length >= 2 && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
				|| ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe))) {
			return StandardCharsets.UTF_16;
		}
		if (strict(bytes, StandardCharsets.UTF_8) != null) {
			return StandardCharsets.UTF_8;
		}
		UniversalDetector detector = new UniversalDetector();
		detector.handleData(bytes, 0, Math.min(bytes.length, 256 * 1024));
		detector.dataEnd();
		String guess = detector.getDetectedCharset();
		String asBig5 = strict(bytes, BIG5);
		String asGb = new String(bytes, GB18030);
		if (asBig5 != null && ("BIG5".equalsIgnoreCase(guess) || common(asBig5) > common(asGb) * 1.2)) {
			return BIG5;
		}
		return GB18030;
	}

	/** Decodes the bytes in the detected charset, dropping a byte-order mark. */
	public static String decode(byte[] bytes, Charset charset) {
		String text = new String(bytes, charset);
		return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
	}

	/** The text if the bytes are well-formed in the charset, else null. */
	static String strict(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * How many characters of the text are among the most frequent characters of official
	 * Chinese (Simplified or Traditional forms), a plausibility score for a decoding.
	 */
	static int common(String text) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (COMMON.indexOf(text.charAt(i)) >= 0) {
				n++;
			}
		}
		return n;
	}

	private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
			+ "們這個國時來們對會發動過說種們還與關當實後產點經從業從開進將區長門問題間體們議義務縣鄉鎮區級報請於為條規設" + "通知關於進一步加強工作單位縣政府辦公室";

}
