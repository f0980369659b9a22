package io.leakwatch.topology.alert;

import io.leakwatch.topology.LeakWatchDriver;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Apps of the detector tests: app {@code i} has id {@code appNN}, port {@code 10690NN} and the i-th signature. */
record WatchedApps(List<String> signatures) {

    void register(LeakWatchDriver driver) {
        for (int a = 0; a < signatures.size(); a++) {
            driver.app(id(a), signatures.get(a), port(a));
        }
    }

    int size() {
        return signatures.size();
    }

    String otp(int app, Random random) {
        return "【" + signatures.get(app) + "】您的验证码是" + (100_000 + random.nextInt(900_000)) + "，5分钟内有效";
    }

    static String id(int app) {
        return String.format(Locale.ROOT, "app%02d", app);
    }

    static String port(int app) {
        return String.format(Locale.ROOT, "10690%02d", app);
    }
}
