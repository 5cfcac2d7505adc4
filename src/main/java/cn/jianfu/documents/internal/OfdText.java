package cn.jianfu.documents.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import cn.jianfu.platform.Problem;

/**
 * The text of an OFD (GB/T 33190-2016 版式文档), read from its XML parts directly rather than
 * through a library (ofdrw's reader brings its own XML, crypto and compression trees):
 * {@code OFD.xml} names each document's root ({@code DocBody/DocRoot}), the document's
 * {@code Document.xml} lists its pages ({@code Pages/Page/@BaseLoc}), and each page's
 * content holds {@code TextObject}s whose {@code TextCode}s are the text. A new line
 * starts when a text code stands at another height on the page than the one before. The
 * XML is read with StAX without DTDs or external entities (the archive was already
 * refused if any part declares one).
 */
final class OfdText {

	private OfdText() {
	}

	static DocumentReader.Extracted read(Map<String, byte[]> parts) {
		StringBuilder text = new StringBuilder();
		for (String root : values(part(parts, "OFD.xml"), "DocRoot", null)) {
			String documentPath = resolve("", root);
			String base = documentPath.contains("/") ? documentPath.substring(0, documentPath.lastIndexOf('/') + 1)
					: "";
			for (String page : values(part(parts, documentPath), "Page", "BaseLoc")) {
				String pagePath = resolve(base, page);
				if (!pagePath.endsWith(".xml")) {
					pagePath = pagePath + "/Content.xml";
				}
				page(part(parts, pagePath), text);
				text.append('\n');
			}
		}
		return new DocumentReader.Extracted("UTF-8", text.toString());
	}

	private static byte[] part(Map<String, byte[]> parts, String name) {
		byte[] bytes = parts.get(name);
		if (bytes == null) {
			throw Problem.badRequest("document.corrupt", "ofd: " + name);
		}
		return bytes;
	}

	/** A path in the package: absolute from the root when it starts with a slash. */
	static String resolve(String base, String location) {
		String path = location.strip().replace('\\', '/');
		return path.startsWith("/") ? path.substring(1) : base + path;
	}

	static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
	}

	/** The text of every element of that local name, or the value of its attribute. */
	private static List<String> values(byte[] xml, String element, @Nullable String attribute) {
		List<String> values = new ArrayList<>();
		try {
			XMLStreamReader reader = reader(xml);
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamReader.START_ELEMENT && reader.getLocalName().equals(element)) {
					String value = attribute == null ? reader.getElementText()
							: reader.getAttributeValue(null, attribute);
					if (value != null && !value.isBlank()) {
						values.add(value);
					}
				}
			}
			reader.close();
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw Problem.badRequest("document.corrupt", "ofd");
		}
		return values;
	}

	private static void page(byte[] xml, StringBuilder text) {
		try {
			XMLStreamReader reader = reader(xml);
			double lastY = Double.NaN;
			double objectY = 0;
			while (reader.hasNext()) {
				if (reader.next() != XMLStreamReader.START_ELEMENT) {
					continue;
				}
				if (reader.getLocalName().equals("TextObject")) {
					objectY = y(reader.getAttributeValue(null, "Boundary"), 1);
				}
				else if (reader.getLocalName().equals("TextCode")) {
					double y = objectY + y(reader.getAttributeValue(null, "Y"), 0);
					String code = reader.getElementText();
					if (!Double.isNaN(lastY) && Math.abs(y - lastY) > 1.0) {
						text.append('\n');
					}
					text.append(code);
					lastY = y;
				}
			}
			reader.close();
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw Problem.badRequest("document.corrupt", "ofd");
		}
	}

	/** The index-th number of a space-separated list ("x y w h"), 0 when absent. */
	private static double y(@Nullable String numbers, int index) {
		if (numbers == null) {
			return 0;
		}
		String[] parts = numbers.strip().split("\\s+");
		return parts.length > index ? Double.parseDouble(parts[index]) : 0;
	}

}
