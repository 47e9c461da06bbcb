/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A socket implementation that records every connection attempt and refuses it, installed as the
 * JVM's socket factory: every {@link Socket} (and so every {@code HttpURLConnection}, which DJL's
 * telemetry and downloads use, even with {@code Proxy.NO_PROXY}) connects through it.
 */
final class RecordingSocketImpl extends SocketImpl {

    private static final List<String> ATTEMPTS = Collections.synchronizedList(new ArrayList<>());

    /**
     * Makes every socket of this JVM a recording one.
     *
     * @throws IOException if a factory is already installed
     */
    @SuppressWarnings("deprecation")
    static void install() throws IOException {
        Socket.setSocketImplFactory(RecordingSocketImpl::new);
    }

    /** Returns the connection attempts so far, as host:port. */
    static List<String> attempts() {
        synchronized (ATTEMPTS) {
            return List.copyOf(ATTEMPTS);
        }
    }

    private static IOException refuse(String where) {
        ATTEMPTS.add(where);
        return new ConnectException("Connection to " + where + " refused by the test");
    }

    @Override
    protected void create(boolean stream) {}

    @Override
    protected void connect(String host, int port) throws IOException {
        throw refuse(host + ":" + port);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        throw refuse(address.getHostAddress() + ":" + port);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
        throw refuse(address.toString());
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        throw new SocketException("bind is not allowed in this test");
    }

    @Override
    protected void listen(int backlog) throws IOException {
        throw new SocketException("listen is not allowed in this test");
    }

    @Override
    protected void accept(SocketImpl s) throws IOException {
        throw new SocketException("accept is not allowed in this test");
    }

    @Override
    protected InputStream getInputStream() throws IOException {
        throw new SocketException("not connected");
    }

    @Override
    protected OutputStream getOutputStream() throws IOException {
        throw new SocketException("not connected");
    }

    @Override
    protected int available() {
        return 0;
    }

    @Override
    protected void close() {}

    @Override
    protected void sendUrgentData(int data) throws IOException {
        throw new SocketException("not connected");
    }

    @Override
    public void setOption(int optID, Object value) {}

    @Override
    public Object getOption(int optID) {
        return null;
    }
}
