package io.leakwatch.topology.alert;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.LeakWatchDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A leak whose buyer's texts the classifier calls NORMAL: the buyer is found by how it sends (many recipients it
 * never texted before, in bulk), not by what it says. People texting their friends and a person texting one large
 * group of random people every few hours carry on beside it and accuse no one.
 */
class SenderBehaviourTest {

    private static final WatchedApps APPS = new WatchedApps(List.of("美柚", "饿了么", "美团", "拼多多", "携程", "京东", "宝宝树", "小红书"));
    private static final int LEAKING = 3;
    private static final String LEAKING_APP = WatchedApps.id(LEAKING);
    private static final String BUYER = "13700001111";
    /** The buyer as alerts and sms.classified name it: a mobile number becomes its pseudonym at ingest. */
    private static final String BUYER_AS_WRITTEN = LeakWatchDriver.senderAsWritten(BUYER);
    /** Plain words, as a buyer that learnt to evade text filters writes: NORMAL to the classifier. */
    private static final String BUYER_TEXT = "在吗？好久没联系了，最近怎么样";
    /** What the same buyer sends when it does not hide: ADULT to the classifier. */
    private static final String PLAIN_SPAM = "本会所提供酒店上门服务，学生妹少妇模特，无需定金满意付款，电话13912345678";
    private static final String GROUP_SENDER = "13900002222";
    private static final String GROUP_TEXT = "周六下午三点小区门口集合，记得带水";
    private static final String FRIEND_TEXT = "晚上一起吃饭吗";
    private static final String BACKGROUND_TEXT = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
    private static final int BACKGROUND_PER_HOUR = 20;
    private static final int HOURS = 60;
    private static final int LEAK_FROM_HOUR = 36;
    private static final int REGISTRATIONS_PER_APP_HOUR = 3;
    private static final int GROUP_SIZE = 40;

    @Test
    void shouldFindABuyerWhoseTextsAreCalledNormalByItsBulkSendingAsSoonAsOneWhoseTextsAreSpam() {
        final long spamOpen;
        try (LeakWatchDriver lw = new LeakWatchDriver(LeakWatchDriver.config("leakwatch.windows", "3,6"))) {
            APPS.register(lw);
            traffic(lw, new Random(11), PLAIN_SPAM).forEach(lw::send);
            final List<LeakAlert> alerts = lw.alerts();
            assertThat(alerts).isNotEmpty().extracting(LeakAlert::getApp).containsOnly(LEAKING_APP);
            spamOpen = alerts.get(0).getAt();
        }
        try (LeakWatchDriver lw = new LeakWatchDriver(LeakWatchDriver.config("leakwatch.windows", "3,6"))) {
            APPS.register(lw);
            traffic(lw, new Random(11), BUYER_TEXT).forEach(lw::send);

            assertThat(lw.classified()).filteredOn(c -> c.getSender().equals(BUYER_AS_WRITTEN)).extracting(ClassifiedSms::getCategory)
                    .as("the text alone does not give the buyer away").containsOnly(Category.NORMAL);
            final List<LeakAlert> alerts = lw.alerts();
            assertThat(alerts).as("only the leaking app is accused").isNotEmpty().extracting(LeakAlert::getApp)
                    .containsOnly(LEAKING_APP);
            final LeakAlert open = alerts.get(0);
            assertThat(open.getStatus()).isEqualTo(AlertStatus.OPEN);
            assertThat(open.getAt()).as("within an hour of the text-spam buyer's alert (%s h after the leak's start)",
                    (spamOpen - T0 - LEAK_FROM_HOUR * HOUR) / (double) HOUR).isBetween(T0 + LEAK_FROM_HOUR * HOUR, spamOpen + HOUR);
            assertThat(alerts).flatExtracting(LeakAlert::getBuyerSenders).as("neither the group nor friends are buyers")
                    .containsOnly(BUYER_AS_WRITTEN);
            assertThat(open.getEvidence().getBuyers()).singleElement().satisfies(buyer -> {
                assertThat(buyer.getSignal()).isEqualTo(LeakEvaluator.SIGNAL_BEHAVIOUR);
                assertThat(buyer.getCategory()).isEqualTo(Category.NORMAL);
            });
            assertThat(open.getEvidence().getExposedBySenderBehaviour()).isPositive();
        }
    }

    @Test
    void shouldFindNothingWhenBulkSendingDoesNotCount() {
        // the same traffic with the bar for bulk sending out of reach: the text classifier alone sees no leak
        final LeakWatchConfig blind = LeakWatchDriver.config("leakwatch.windows", "3,6", "leakwatch.bulk.recipients", "1000000");
        try (LeakWatchDriver lw = new LeakWatchDriver(blind)) {
            APPS.register(lw);
            traffic(lw, new Random(11), BUYER_TEXT).forEach(lw::send);
            assertThat(lw.alerts()).isEmpty();
        }
    }

    @Test
    void shouldNeverLetContactsPushASpamSenderOffTheCohortsSenderList() {
        try (LeakWatchDriver lw = new LeakWatchDriver(LeakWatchDriver.config("leakwatch.top.senders", "2"))) {
            APPS.register(lw);
            final Random random = new Random(3);
            final List<String> members = new ArrayList<>();
            for (int r = 0; r < 12; r++) {
                final String member = String.format(Locale.ROOT, "138%08d", r);
                members.add(member);
                lw.send(lw.event(T0 + r * MINUTE, WatchedApps.port(0), member, APPS.otp(0, random)));
            }
            // three people each text four members: screened, contacts only; one port sends one spam
            for (int p = 0; p < 3; p++) {
                for (int m = 0; m < 4; m++) {
                    lw.send(lw.event(T0 + HOUR + (p * 4 + m) * MINUTE, "1370000000" + p, members.get(p * 4 + m), FRIEND_TEXT));
                }
            }
            lw.send(lw.event(T0 + HOUR + 30 * MINUTE, "1069900001", members.get(0), PLAIN_SPAM));
            lw.send(lw.event(T0 + 3 * HOUR, WatchedApps.port(1), "13999999999", APPS.otp(1, random)));

            final CohortStats hour = lw.cohortStats().stream()
                    .filter(c -> c.getApp().equals(WatchedApps.id(0)) && c.getWindowStart() == T0 + HOUR).findFirst().orElseThrow();
            assertThat(hour.getSenders()).extracting(SenderExposure::getSender).contains("1069900001");
            assertThat(hour.getSenders()).filteredOn(e -> e.getExposed() == 0).as("contacts listed beside, up to the limit")
                    .hasSize(2).allSatisfy(e -> assertThat(e.getContacts()).isPositive());
        }
    }

    /**
     * Registrations, marketing to random subscribers, friends texting each other, the group sender every six hours,
     * and from the leak on the buyer.
     */
    private static List<SmsEvent> traffic(LeakWatchDriver lw, Random random, String buyerText) {
        final List<SmsEvent> events = new ArrayList<>();
        final List<String> subscribers = new ArrayList<>();
        final List<String> group = new ArrayList<>();
        int next = 0;
        for (int h = 0; h < HOURS; h++) {
            final long hour = T0 + h * HOUR;
            for (int a = 0; a < APPS.size(); a++) {
                for (int r = 0; r < REGISTRATIONS_PER_APP_HOUR; r++) {
                    final String recipient = String.format(Locale.ROOT, "138%08d", next++);
                    final long ts = hour + random.nextInt(60) * MINUTE + random.nextInt(60_000);
                    events.add(lw.event(ts, WatchedApps.port(a), recipient, APPS.otp(a, random)));
                    subscribers.add(recipient);
                    if (a == LEAKING && h >= LEAK_FROM_HOUR) {
                        events.add(lw.event(ts + (20 + random.nextInt(60)) * MINUTE, BUYER, recipient, buyerText));
                    }
                }
            }
            for (int b = 0; b < BACKGROUND_PER_HOUR; b++) {
                events.add(lw.event(hour + random.nextInt(3_600_000), "106990" + random.nextInt(5),
                        subscribers.get(random.nextInt(subscribers.size())), BACKGROUND_TEXT));
            }
            // each of a few subscribers texts two friends
            for (int p = 0; p < 10; p++) {
                final String from = subscribers.get(random.nextInt(subscribers.size()));
                for (int f = 0; f < 2; f++) {
                    events.add(lw.event(hour + random.nextInt(3_600_000), from, subscribers.get(random.nextInt(subscribers.size())),
                            FRIEND_TEXT));
                }
            }
            if (h == 12) {
                for (int g = 0; g < GROUP_SIZE; g++) {
                    group.add(subscribers.get(random.nextInt(subscribers.size())));
                }
            }
            if (h >= 12 && h % 6 == 0) {
                group.forEach(member -> events.add(lw.event(hour + random.nextInt(600_000), GROUP_SENDER, member, GROUP_TEXT)));
            }
        }
        events.sort(Comparator.comparingLong(SmsEvent::getTs));
        return events;
    }




}
