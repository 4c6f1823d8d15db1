package no.purreflyt.notice;

/** A notice as written: the e-mail (subject, HTML, plain text) and the printable letter (PDF), and the text's version. */
record RenderedLetter(String templateVersion, String subject, String html, String text, byte[] pdf) {
}
