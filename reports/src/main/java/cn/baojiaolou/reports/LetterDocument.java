package cn.baojiaolou.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter (函) as the reports module lays it out (bjl-letter.jrxml, A4 portrait): a title, its number, the
 * addressees (主送 / 抄送 lines), paragraphs (a paragraph is indented as Chinese letters are; a {@code fact} line is a
 * short indented item, such as the account number or the amount), the sender and the date. The same letter always
 * renders to the same bytes: its dates are the letter's date, its document id derives from its number.
 */
public record LetterDocument(String number, LocalDate date, String title, List<String> recipients,
                             List<Paragraph> paragraphs, String sender, String draftMark) {

    public enum Kind { PARAGRAPH, FACT }

    public record Paragraph(Kind kind, String text) {

        public static Paragraph text(String text) {
            return new Paragraph(Kind.PARAGRAPH, text);
        }

        public static Paragraph fact(String text) {
            return new Paragraph(Kind.FACT, text);
        }
    }

    public LetterDocument {
        recipients = List.copyOf(recipients);
        paragraphs = List.copyOf(paragraphs);
    }
}
