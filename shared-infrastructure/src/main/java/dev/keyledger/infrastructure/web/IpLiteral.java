package dev.keyledger.infrastructure.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address written as a literal, parsed strictly by hand: {@code InetAddress.getByName} would look
 * up anything that is not a literal in DNS (a request could make the service resolve names it chooses), and accepts
 * forms such as {@code 127.1} or octal parts. IPv4 is four decimal parts without leading zeros; IPv6 is RFC 4291
 * text (groups, one {@code ::}, an IPv4 tail) without brackets, zone or port. An IPv4-mapped IPv6 address is the IPv4
 * address, as the JDK reports a peer on a dual-stack socket.
 */
final class IpLiteral {

    /** The longest IPv6 text: six groups and an IPv4 tail. */
    private static final int MAX_LENGTH = 45;

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always accepted", e);
        }
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = decimalPart(parts[i]);
            if (part < 0) {
                return null;
            }
            bytes[i] = (byte) part;
        }
        return bytes;
    }

    /** 0..255 written without leading zeros, else -1. */
    private static int decimalPart(String part) {
        if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>(8);
        List<Integer> tail = new ArrayList<>(8);
        boolean parsed = gap < 0
                ? groups(text, true, head)
                : groups(text.substring(0, gap), false, head) && groups(text.substring(gap + 2), true, tail);
        int count = head.size() + tail.size();
        if (!parsed || (gap < 0 ? count != 8 : count > 7)) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    /** The 16-bit groups of one side of {@code ::}; an IPv4 tail (two groups) only at the very end. */
    private static boolean groups(String text, boolean endsAddress, List<Integer> into) {
        if (text.isEmpty()) {
            return true;
        }
        String[] pieces = text.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (endsAddress && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
                byte[] ipv4 = ipv4(piece);
                if (ipv4 == null) {
                    return false;
                }
                into.add((ipv4[0] & 0xff) << 8 | ipv4[1] & 0xff);
                into.add((ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff);
            } else {
                int group = hexGroup(piece);
                if (group < 0) {
                    return false;
                }
                into.add(group);
            }
        }
        return into.size() <= 8;
    }

    /** One to four hex digits, else -1. */
    private static int hexGroup(String piece) {
        if (piece.isEmpty() || piece.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < piece.length(); i++) {
            int digit = hexDigit(piece.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** ASCII only: {@code Character.digit} would take other scripts' digits too. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }
}
