package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Two rules of the pages' buttons that a browser test finds only for the one screen it drives: a button that opens a
 * dialog resets its fields, and a row's button is hidden, never left out, when its row's record cannot take it.
 */
class PageButtonsTest {

    private static final Path PAGES = Path.of("src/main/webapp");

    private static final String PRIMEFACES = "http://primefaces.org/ui";

    private static final Pattern SHOWS_DIALOG = Pattern.compile("PF\\('(\\w+)'\\)\\.show\\(\\)");

    /**
     * A save refused by a converter or validator leaves the fields it posted holding what was typed; a dialog opened
     * next (another record, or New) showed those values and saved them over the record's own (Channels: another
     * channel's throttle and removal interval). {@code resetValues} makes the dialog show the bean's values.
     */
    @Test
    void everyButtonThatOpensADialog_resetsTheDialogsFields() throws Exception {
        List<String> opening = new ArrayList<>();
        for (Path page : pages()) {
            Document document = parse(page);
            Set<String> dialogs = new HashSet<>();
            forEach(document, "dialog", dialog -> dialogs.add(dialog.getAttribute("widgetVar")));
            for (String tag : List.of("commandButton", "commandLink", "menuitem")) {
                forEach(document, tag, button -> {
                    Matcher shown = SHOWS_DIALOG.matcher(button.getAttribute("oncomplete"));
                    while (shown.find()) {
                        if (dialogs.contains(shown.group(1))) {
                            String name = page.getFileName() + " " + tag + " " + button.getAttribute("id");
                            opening.add(name);
                            assertThat(button.getAttribute("resetValues"))
                                    .as(name + " opens " + shown.group(1))
                                    .isEqualTo("true");
                        }
                    }
                });
            }
        }
        assertThat(opening).as("the buttons that open a dialog").hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * The table is read again with the click; a button its row's record could not take was left out of the row
     * ({@code rendered}) and the click on it, sent as the record changed, was dropped without a word (the dashboard's
     * Quiet and Resume). Hidden with {@code qj-not-now} instead, it reaches the server, which acts on the record the
     * button names or says why it cannot.
     */
    @Test
    void aRowsButton_dependsOnItsRowOnlyForBeingShown_neverForBeingInThePage() throws Exception {
        List<String> rowButtons = new ArrayList<>();
        for (Path page : pages()) {
            Document document = parse(page);
            for (String table : List.of("dataTable", "treeTable")) {
                forEach(document, table, element -> {
                    String var = element.getAttribute("var");
                    if (var.isEmpty()) {
                        return;
                    }
                    Pattern rowReference = Pattern.compile("\\b" + Pattern.quote(var) + "\\.");
                    NodeList buttons = element.getElementsByTagNameNS(PRIMEFACES, "commandButton");
                    for (int i = 0; i < buttons.getLength(); i++) {
                        Element button = (Element) buttons.item(i);
                        String name = page.getFileName() + " " + button.getAttribute("id");
                        rowButtons.add(name);
                        assertThat(button.getAttribute("rendered")).as(name).doesNotContainPattern(rowReference);
                    }
                });
            }
        }
        assertThat(rowButtons).as("the rows' buttons").hasSizeGreaterThanOrEqualTo(8);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(file -> file.toString().endsWith(".xhtml"))
                    .sorted()
                    .toList();
        }
    }

    private static Document parse(Path page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(page.toFile());
    }

    private static void forEach(Document document, String primeFacesTag, java.util.function.Consumer<Element> action) {
        NodeList elements = document.getElementsByTagNameNS(PRIMEFACES, primeFacesTag);
        for (int i = 0; i < elements.getLength(); i++) {
            action.accept((Element) elements.item(i));
        }
    }
}
