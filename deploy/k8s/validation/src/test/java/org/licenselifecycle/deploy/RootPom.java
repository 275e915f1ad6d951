package org.licenselifecycle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The project's root pom.xml: its version and its properties (the container images' registry, group and base). */
final class RootPom {

    private RootPom() {
    }

    static String version() {
        return child(root(), "version").getTextContent().trim();
    }

    static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList children = child(root(), "properties").getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    private static Element root() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ProjectRoot.path().resolve("pom.xml").toFile()).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read the root pom.xml", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("The root pom.xml has no <" + name + ">");
    }
}
