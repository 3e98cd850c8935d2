package dev.jcompose.engine.net.netlink;

/** Where a new link goes: this namespace, the netns of a process, or the netns behind an open fd. */
public sealed interface NetnsRef {
    void apply(NlMessageBuilder b);

    static NetnsRef current() {
        return new Current();
    }

    static NetnsRef pid(int pid) {
        return new Pid(pid);
    }

    static NetnsRef fd(int fd) {
        return new Fd(fd);
    }

    record Current() implements NetnsRef {
        @Override
        public void apply(NlMessageBuilder b) {
        }
    }

    record Pid(int pid) implements NetnsRef {
        @Override
        public void apply(NlMessageBuilder b) {
            b.attrU32(Rtnl.IFLA_NET_NS_PID, pid);
        }
    }

    record Fd(int fd) implements NetnsRef {
        @Override
        public void apply(NlMessageBuilder b) {
            b.attrU32(Rtnl.IFLA_NET_NS_FD, fd);
        }
    }
}
