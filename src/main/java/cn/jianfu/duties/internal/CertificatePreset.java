package cn.jianfu.duties.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.jianfu.org.UnitLevel;

/**
 * The kinds of certificate a province lets its villages issue
 * ({@code duties/certificates.tsv}): a village's own list is drawn from its province's
 * preset, and a village without a list of its own may issue the whole preset.
 */
@Component
public class CertificatePreset {

	static final String RESOURCE = "duties/certificates.tsv";

	private final Map<String, List<String>> byProvince;

	public CertificatePreset() {
		this.byProvince = load();
	}

	/** The preset of the province a unit lies in; empty where the province has none. */
	public List<String> forUnit(String unitCode) {
		return this.byProvince.getOrDefault(UnitLevel.PROVINCE.truncate(unitCode), List.of());
	}

	private static Map<String, List<String>> load() {
		Map<String, List<String>> presets = new LinkedHashMap<>();
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#") || line.startsWith("province\t")) {
					continue;
				}
				String[] c = line.split("\t");
				if (c.length < 2 || !UnitLevel.isCode(c[0]) || c[1].isBlank()) {
					throw new IllegalStateException(RESOURCE + " line " + number + ": expected province, certificate");
				}
				presets.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c[1].strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
		presets.replaceAll((k, v) -> List.copyOf(v));
		return Map.copyOf(presets);
	}

}
