package io.leakwatch.topology.sender;

import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.internal.SenderWindow;
import java.nio.ByteBuffer;
import java.util.HashMap;

/** A new per-sender window and the counting of one message into it. */
public final class SenderWindows {

    /** Distinct recipients: 1024 registers, about 3 % error. Campaigns: 64 registers, enough to tell 1 from 20. */
    private static final int RECIPIENT_HLL_PRECISION = 10;
    private static final int CAMPAIGN_HLL_PRECISION = 6;

    private SenderWindows() {
    }

    public static SenderWindow empty() {
        return SenderWindow.newBuilder().setByCategory(new HashMap<>())
                .setRecipients(ByteBuffer.wrap(new byte[0])).setCampaigns(ByteBuffer.wrap(new byte[0])).build();
    }

    public static SenderWindow add(ClassifiedSms sms, SenderWindow window) {
        window.setMessages(window.getMessages() + 1);
        window.getByCategory().merge(sms.getCategory().name(), 1L, Long::sum);
        if (sms.getOptOut()) {
            window.setOptOut(window.getOptOut() + 1);
        }
        window.setRecipients(ByteBuffer.wrap(HyperLogLog.add(SenderStatsProcessor.bytes(window.getRecipients()),
                RECIPIENT_HLL_PRECISION, HyperLogLog.hashToken(sms.getRecipientToken()))));
        window.setCampaigns(ByteBuffer.wrap(HyperLogLog.add(SenderStatsProcessor.bytes(window.getCampaigns()),
                CAMPAIGN_HLL_PRECISION, HyperLogLog.hash(sms.getFingerprint()))));
        return window;
    }
}
