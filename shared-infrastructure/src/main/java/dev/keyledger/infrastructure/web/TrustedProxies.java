package dev.keyledger.infrastructure.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code KEYLEDGER_TRUSTED_PROXIES}: addresses or CIDR
 * ranges, IPv4 and IPv6, comma-separated; none by default), and the address a request comes from by them.
 * <p>
 * The header is read from the right, as each proxy appends the peer it saw: the first entry that is not a trusted
 * proxy is the client. A request whose peer is not trusted comes from its peer, whatever it says. A trusted proxy
 * that hands on something other than an IP literal, or more hops than any deployment has, is not believed either:
 * the request then counts as coming from that proxy.
 */
public final class TrustedProxies {

    /** More proxies in a row than any deployment chains; a longer header is not believed. */
    static final int MAX_HOPS = 16;

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the first entry that is neither an address nor a CIDR range */
    public static TrustedProxies parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return NONE;
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : Arrays.stream(configured.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList()) {
            ranges.add(AddressRange.parse(entry).orElseThrow(() -> new IllegalArgumentException(
                    "KEYLEDGER_TRUSTED_PROXIES (keyledger.trusted-proxies): '" + entry
                            + "' is neither an IP address nor a CIDR range such as 10.0.0.0/8 or fd00::/8")));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The address a request comes from.
     *
     * @param peer         the connection's peer, as the servlet container reports it
     * @param forwardedFor the request's {@code X-Forwarded-For} headers, in their order
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = IpLiteral.parse(peer);
        if (peerAddress.isEmpty() || !trusts(peerAddress.get()) || forwardedFor.isEmpty()) {
            return peer;
        }
        InetAddress client = peerAddress.get();
        int hops = 0;
        for (int header = forwardedFor.size() - 1; header >= 0; header--) {
            String value = forwardedFor.get(header);
            int end = value.length();
            while (end >= 0) {
                int start = value.lastIndexOf(',', end - 1);
                String entry = value.substring(start + 1, end).trim();
                end = start;
                if (entry.isEmpty() && start < 0 && value.isBlank()) {
                    break;
                }
                Optional<InetAddress> hop = IpLiteral.parse(entry);
                if (hop.isEmpty() || ++hops > MAX_HOPS) {
                    return peer;
                }
                client = hop.get();
                if (!trusts(client)) {
                    return client.getHostAddress();
                }
            }
        }
        return hops == 0 ? peer : client.getHostAddress();
    }

    private boolean trusts(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
