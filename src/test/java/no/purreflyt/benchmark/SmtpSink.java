package no.purreflyt.benchmark;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server on localhost that accepts every message, reads it to the end, counts it and forgets it: the relay of
 * the benchmark, so that Purreflyt speaks real SMTP and the sink neither slows down nor fills the heap over a hundred
 * thousand debtors.
 */
final class SmtpSink implements AutoCloseable {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final SMTPServer server;

    SmtpSink(int port) {
        server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) throws java.io.IOException {
                        bytes.addAndGet(data.transferTo(OutputStream.nullOutputStream()));
                        received.incrementAndGet();
                    }
                })
                .build();
        server.start();
    }

    long received() {
        return received.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop();
    }
}
