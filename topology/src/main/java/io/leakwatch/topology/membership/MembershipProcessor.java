package io.leakwatch.topology.membership;

import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.internal.CohortEvent;
import io.leakwatch.schemas.internal.CohortEventKind;
import io.leakwatch.schemas.internal.Membership;
import io.leakwatch.schemas.internal.MembershipList;
import io.leakwatch.topology.LeakWatchConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by recipient token. Keeps each recipient's registrations and turns them into cohort events:
 * REGISTRATION when an app's OTP arrives, COMEMBER for the apps the recipient already belonged to, EXPOSURE
 * when third-party spam reaches a member, CONTACT when a message the classifier did not call spam reaches a
 * member from a sender that reached at least {@code leakwatch.bulk.screen} recipients of this task within a day
 * (the detector decides from every task's counts whether that sender sends in bulk; see {@link SenderScreen}).
 * Per bucket it also forwards each sender's counts of this task (SENDER_TOTAL, to the totals shards): spam,
 * other countable messages and distinct recipients, which add across tasks because each recipient lives on one.
 */
public final class MembershipProcessor implements Processor<String, ClassifiedSms, String, CohortEvent> {

    public static final String STORE = "membership-store";
    /** Keys of the sender-totals shards: not app ids, so they cannot clash with one. */
    public static final String TOTALS_PREFIX = "*";
    static final int TOTALS_SHARDS = 8;

    private final long bucketMs;
    private final long ttlMs;
    private final SenderScreen screen;
    private ProcessorContext<String, CohortEvent> context;
    private KeyValueStore<String, MembershipList> store;
    /** The open bucket of the senders' counts, which {@link #screen} keeps. */
    private long totalsBucket = Long.MIN_VALUE;

    public MembershipProcessor(LeakWatchConfig config) {
        this.bucketMs = config.bucketMs();
        this.ttlMs = config.memberTtl().toMillis();
        this.screen = new SenderScreen(config.bulkScreen(), bucketMs, (int) Math.max(1, Duration.ofDays(1).toMillis() / bucketMs));
    }

    @Override
    public void init(ProcessorContext<String, CohortEvent> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, ClassifiedSms> record) {
        final ClassifiedSms sms = record.value();
        if (record.key() == null || sms == null) {
            return;
        }
        if (sms.getOtp() && sms.getApp() != null) {
            register(record.key(), sms);
        } else if (isSpam(sms.getCategory()) && !toOwnUser(record.key(), sms)) {
            countSender(record.key(), sms, true);
            expose(record.key(), sms);
        } else if (mayBeExposure(sms) && countSender(record.key(), sms, false)) {
            contact(record.key(), sms);
        }
    }

    /**
     * Whether a message the classifier did not call spam could still expose a cohort: person-to-person text, or a
     * notice from a mobile number (banks and services send from ports). Traffic of a known app never does.
     */
    static boolean mayBeExposure(ClassifiedSms sms) {
        if (sms.getOtp() || sms.getApp() != null) {
            return false;
        }
        return sms.getCategory() == Category.NORMAL
                || sms.getCategory() == Category.TRANSACTIONAL && SenderType.of(sms.getSender()) == SenderType.MOBILE;
    }

    /**
     * Whether a known app sends to one of its own users: its business with its customer, no exposure of any cohort
     * the user belongs to, and not counted in its spam to anyone either, so that the share of spam reaching a
     * cohort is taken over the spam that could expose one.
     */
    private boolean toOwnUser(String token, ClassifiedSms sms) {
        if (sms.getApp() == null) {
            return false;
        }
        final MembershipList list = store.get(token);
        return list != null && list.getEntries().stream().anyMatch(m -> m.getApp().equals(sms.getApp()) && m.getRegisteredAt() <= sms.getTs());
    }

    static boolean isSpam(Category category) {
        return category == Category.MARKETING || category == Category.ADULT || category == Category.FRAUD;
    }

    private void register(String token, ClassifiedSms otp) {
        final long ts = otp.getTs();
        final MembershipList list = load(token, ts);
        final String app = otp.getApp();
        // The first OTP is the registration; later ones are log-ins and change nothing.
        if (list.getEntries().stream().anyMatch(m -> m.getApp().equals(app))) {
            return;
        }
        final List<String> coApps = new ArrayList<>();
        for (Membership other : list.getEntries()) {
            coApps.add(other.getApp());
            forward(ts, CohortEvent.newBuilder().setKind(CohortEventKind.COMEMBER).setApp(other.getApp()).setTs(ts)
                    .setRegisteredAt(other.getRegisteredAt()).setOtherApp(app).build());
        }
        list.getEntries().add(Membership.newBuilder().setApp(app).setRegisteredAt(ts).build());
        store.put(token, list);
        forward(ts, CohortEvent.newBuilder().setKind(CohortEventKind.REGISTRATION).setApp(app).setTs(ts)
                .setRegisteredAt(ts).setCoApps(coApps).build());
    }

    private void expose(String token, ClassifiedSms spam) {
        final MembershipList list = store.get(token);
        if (list == null) {
            return;
        }
        final long ts = spam.getTs();
        final long bucket = Math.floorDiv(ts, bucketMs);
        boolean changed = prune(list, ts);
        for (Membership member : list.getEntries()) {
            if (member.getApp().equals(spam.getApp()) || member.getRegisteredAt() > ts) {
                continue;
            }
            final boolean newInBucket = member.getLastExposedBucket() != bucket;
            final boolean first = member.getFirstSpamAt() == null;
            if (newInBucket) {
                member.setLastExposedBucket(bucket);
                changed = true;
            }
            if (first) {
                member.setFirstSpamAt(ts);
                changed = true;
            }
            forward(ts, CohortEvent.newBuilder().setKind(CohortEventKind.EXPOSURE).setApp(member.getApp()).setTs(ts)
                    .setRegisteredAt(member.getRegisteredAt()).setCoApps(coApps(list, member, ts))
                    .setSender(spam.getSender()).setCategory(spam.getCategory()).setFingerprint(spam.getFingerprint())
                    .setNewMemberBucket(newInBucket).setFirstSpam(first).build());
        }
        if (changed) {
            store.put(token, list);
        }
    }

    /**
     * A message the classifier did not call spam, to a member the sender did not reach within the day before: a
     * CONTACT of each of the member's cohorts. Held back while its sender has reached fewer than the screen's
     * recipients of this task within a day, and forwarded, with its own time, once the sender does: a buyer's first
     * messages count as well as its later ones.
     */
    private void contact(String token, ClassifiedSms sms) {
        final MembershipList list = store.get(token);
        if (list == null) {
            return;
        }
        final long ts = sms.getTs();
        final List<CohortEvent> contacts = new ArrayList<>();
        for (Membership member : list.getEntries()) {
            if (member.getRegisteredAt() <= ts && member.getRegisteredAt() >= ts - ttlMs) {
                contacts.add(CohortEvent.newBuilder().setKind(CohortEventKind.CONTACT).setApp(member.getApp()).setTs(ts)
                        .setRegisteredAt(member.getRegisteredAt()).setCoApps(coApps(list, member, ts))
                        .setSender(sms.getSender()).setCategory(sms.getCategory()).setFingerprint(sms.getFingerprint()).build());
            }
        }
        screen.offer(sms.getSender(), contacts).forEach(event -> forward(event.getTs(), event));
    }

    /**
     * Counts a message in its sender's totals and forwards the contacts the sender's screen releases; true when the
     * recipient is new to the sender within the day.
     */
    private boolean countSender(String token, ClassifiedSms sms, boolean spam) {
        final long bucket = Math.floorDiv(sms.getTs(), bucketMs);
        if (totalsBucket != Long.MIN_VALUE && bucket > totalsBucket) {
            flushSenderTotals();
        }
        totalsBucket = Math.max(totalsBucket, bucket);
        final SenderScreen.Counted counted = screen.count(sms.getSender(), token, totalsBucket, spam);
        counted.released().forEach(event -> forward(event.getTs(), event));
        return counted.fresh();
    }

    /**
     * Forwards the closed bucket's counts: every spam sender's, and those of senders that passed the screen (the
     * others are people texting a few people; the detector need not hear of them).
     */
    private void flushSenderTotals() {
        final long ts = (totalsBucket + 1) * bucketMs - 1;
        screen.closeBucket(totalsBucket).forEach((sender, counts) -> forward(ts, CohortEvent.newBuilder()
                .setKind(CohortEventKind.SENDER_TOTAL)
                .setApp(TOTALS_PREFIX + Math.floorMod(sender.hashCode(), TOTALS_SHARDS)).setTs(ts).setRegisteredAt(ts)
                .setSender(sender).setCount(counts.spam()).setMessages(counts.other())
                .setRecipients(counts.newRecipients()).build()));
    }

    private static List<String> coApps(MembershipList list, Membership self, long ts) {
        final List<String> co = new ArrayList<>(list.getEntries().size() - 1);
        for (Membership other : list.getEntries()) {
            if (other != self && other.getRegisteredAt() <= ts) {
                co.add(other.getApp());
            }
        }
        return co;
    }

    private MembershipList load(String token, long ts) {
        final MembershipList list = store.get(token);
        if (list == null) {
            return MembershipList.newBuilder().setEntries(new ArrayList<>()).build();
        }
        prune(list, ts);
        return list;
    }

    /** Forgets registrations older than the membership lifetime; true when something was removed. */
    private boolean prune(MembershipList list, long now) {
        return list.getEntries().removeIf(m -> m.getRegisteredAt() < now - ttlMs);
    }

    private void forward(long ts, CohortEvent event) {
        context.forward(new Record<>(event.getApp(), event, ts));
    }
}
