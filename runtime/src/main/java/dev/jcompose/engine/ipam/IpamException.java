package dev.jcompose.engine.ipam;

/** An address-management request that cannot be met; the message is one line, as Docker's. */
public final class IpamException extends RuntimeException {
    public IpamException(String message) {
        super(message);
    }
}
