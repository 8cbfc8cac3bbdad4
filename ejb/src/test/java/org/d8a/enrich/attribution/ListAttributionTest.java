package org.d8a.enrich.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detector chain, the UTM override and the normalisation of spec §3, over the built-in lists. */
class ListAttributionTest {

    private static final ListAttribution ATTRIBUTION = new ListAttribution(TestConfig.of(Map.of()));
    private static final String PAGE = "https://example.com/page";

    private static TrafficSource attribute(String page, String referrer) {
        return ATTRIBUTION.attribute(page, referrer, false);
    }

    private static void assertSource(String source, String medium, String term, TrafficSource actual) {
        assertEquals(new TrafficSource(source, medium, term), actual);
    }

    // 1. click ids

    @ParameterizedTest
    @CsvSource({"gclid, google, cpc", "gbraid, google, cpc", "wbraid, google, cpc", "msclkid, bing, cpc",
        "fbclid, facebook, cpc", "twclid, twitter, cpc", "li_fat_id, linkedin, cpc", "ttclid, tiktok, cpc",
        "ScCid, snapchat, cpc", "irclickid, impact, affiliate"})
    void eachClickIdIsPaidTrafficOfItsNetworkBeforeAnyReferrer(String clickId, String source, String medium) {
        assertSource(source, medium, "", attribute(PAGE + "?foo=bar&" + clickId + "=1337", "https://www.reddit.com/"));
    }

    @Test
    void clickIdsAreTriedInTheSpecsOrder() {
        assertSource("google", "cpc", "", attribute(PAGE + "?fbclid=1&gclid=2", ""));
        assertSource("bing", "cpc", "", attribute(PAGE + "?ttclid=1&msclkid=2", ""));
        assertSource("snapchat", "cpc", "", attribute(PAGE + "?irclickid=1&ScCid=2", ""));
    }

    @Test
    void clickIdKeysAreCaseSensitiveAndNeedAValue() {
        assertSource("direct", "none", "", attribute(PAGE + "?sccid=1", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?SCCID=1", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?GCLID=1", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?gclid=", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?gclid=&gclid=2", ""));
    }

    @Test
    void dclidAndSrsltidAreNotPaidTraffic() {
        assertSource("direct", "none", "", attribute(PAGE + "?dclid=1337", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?srsltid=1337", ""));
        assertSource("google", "organic", "", attribute(PAGE + "?srsltid=1337", "https://www.google.com/"));
    }

    @Test
    void gclsrcNamesTheGoogleProduct() {
        assertSource("google", "cpc", "", attribute(PAGE + "?gclsrc=aw.ds", ""));
        assertSource("google", "display", "", attribute(PAGE + "?gclsrc=3p.ds", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?gclsrc=ds", ""));
        assertSource("direct", "none", "", attribute(PAGE + "?gclsrc=AW.DS", ""));
    }

    // 2.-8. the lists, in the chain's order

    @Test
    void videoPlatforms() {
        assertSource("youtube", "video", "", attribute("", "https://youtube.com/watch?v=123"));
        assertSource("youtube", "video", "", attribute("", "https://m.youtube.com/watch?v=123"));
        assertSource("youtube", "video", "", attribute("", "https://youtu.be/abc"));
        assertSource("youtube", "video", "", attribute("", "android-app://com.google.android.youtube"));
        assertSource("twitch", "video", "", attribute("", "android-app://tv.twitch.android.app"));
        assertSource("vimeo", "video", "", attribute("", "https://vimeo.com/123456"));
    }

    @Test
    void emailProviders() {
        assertSource("gmail", "email", "", attribute("", "https://gmail.com"));
        assertSource("gmail", "email", "", attribute("", "https://mail.google.com/mail/u/0/"));
        assertSource("gmail", "email", "", attribute("", "android-app://com.google.android.gm"));
        assertSource("outlook", "email", "", attribute("", "android-app://com.microsoft.office.outlook"));
        assertSource("outlook", "email", "", attribute("", "https://outlook.live.com/mail/0/"));
        assertSource("yahoo-mail", "email", "", attribute("", "https://mail.yahoo.com/d/folders/1"));
        assertSource("yandex-mail", "email", "", attribute("", "https://mail.yandex.ru/"));
        assertSource("mail.ru", "email", "", attribute("", "https://e.mail.ru/inbox/"));
        assertSource("aol-mail", "email", "", attribute("", "https://mail.aol.com/"));
    }

    @Test
    void browserAppsAreNamedReferrals() {
        assertSource("chrome", "referral", "", attribute("", "android-app://com.android.chrome"));
        assertSource("firefox", "referral", "", attribute("", "android-app://org.mozilla.firefox"));
    }

    @Test
    void mailHeuristicNamesTheReferrersHost() {
        assertSource("mail.example.com", "email", "", attribute("", "https://www.mail.example.com/path?query=value"));
        assertSource("webmail.example.org", "email", "", attribute(PAGE, "https://webmail.example.org/inbox"));
    }

    @Test
    void mailHeuristicLooksAtTheWholeReferrerUrl() {
        assertSource("blog.example", "email", "", attribute(PAGE, "https://blog.example/email.html"));
        assertSource("blog.example", "email", "", attribute(PAGE, "https://blog.example/?from=mail.example"));
    }

    @Test
    void socialNetworks() {
        assertSource("reddit", "social", "", attribute("", "https://www.reddit.com/"));
        assertSource("github", "social", "", attribute("", "https://github.com/d8a-tech/d8a"));
        assertSource("linkedin", "social", "", attribute("", "https://www.linkedin.com/"));
        assertSource("linkedin", "social", "", attribute("", "https://lnkd.in/abc"));
        assertSource("facebook", "social", "", attribute("", "https://facebook.com/post/123"));
        assertSource("facebook", "social", "", attribute("", "https://l.facebook.com/l.php?u=x"));
        assertSource("twitter", "social", "", attribute("", "https://twitter.com/user/status/123"));
        assertSource("twitter", "social", "", attribute("", "https://t.co/abc"));
        assertSource("twitter", "social", "", attribute("", "https://x.com/user"));
        assertSource("hacker-news", "social", "", attribute("", "https://news.ycombinator.com/item?id=1"));
    }

    @ParameterizedTest
    @CsvSource({"com.linkedin.android, linkedin", "org.telegram.messenger, telegram", "com.reddit.frontpage, reddit",
        "org.joinmastodon.android, mastodon", "com.slack/, slack", "com.whatsapp, whatsapp",
        "com.facebook.katana, facebook", "com.instagram.android, instagram", "com.twitter.android, twitter",
        "com.pinterest, pinterest", "com.zhiliaoapp.musically, tiktok"})
    void androidAppReferrersAreMatchedByTheirPackageAsHost(String app, String source) {
        assertSource(source, "social", "", attribute("", "android-app://" + app));
    }

    @Test
    void aiAssistants() {
        assertSource("chatgpt", "ai", "", attribute("", "https://chatgpt.com/chat"));
        assertSource("chatgpt", "ai", "", attribute("", "https://chat.openai.com/"));
        assertSource("chatgpt", "ai", "", attribute("", "android-app://com.openai.chatgpt"));
        assertSource("gemini", "ai", "", attribute("", "https://gemini.google.com/app"));
        assertSource("gemini", "ai", "", attribute("", "android-app://com.google.android.apps.bard"));
        assertSource("perplexity", "ai", "", attribute("", "android-app://ai.perplexity.app.android"));
        assertSource("claude", "ai", "", attribute("", "https://claude.ai/chat/1"));
        assertSource("le-chat", "ai", "", attribute("", "https://chat.mistral.ai/"));
    }

    @ParameterizedTest
    @CsvSource({"https://google.com/search?q=keyword, google", "https://www.google.com/search?q=keyword, google",
        "https://search.google.com/search?q=keyword, google", "https://google.gr/search?q=keyword, google",
        "https://www.google.co.uk/search?q=keyword, google", "https://www.baidu.com/s?wd=keyword, baidu",
        "https://www.ilse.nl/search?search_for=keyword, ilse-nl", "https://www.bing.com/search?q=keyword, bing",
        "https://duckduckgo.com/?q=keyword, duckduckgo", "https://yandex.ru/search/?text=keyword, yandex",
        "https://search.naver.com/search.naver?query=keyword, naver"})
    void searchEnginesTakeTheTermFromTheirParameters(String referrer, String source) {
        assertSource(source, "organic", "keyword", attribute("", referrer));
    }

    @Test
    void searchTermIsTheFirstNonEmptyParameterOfTheEntry() {
        assertSource("yahoo", "organic", "second", attribute("", "https://search.yahoo.com/search?p=&q=second"));
        assertSource("yahoo", "organic", "first", attribute("", "https://search.yahoo.com/search?q=second&p=first"));
        assertSource("seznam-videa", "organic", "", attribute("", "https://videa.seznam.cz/foobar"));
        assertSource("google", "organic", "", attribute("", "https://www.google.com/"));
    }

    // 9.-10.

    @Test
    void anyOtherSiteIsAReferralByItsHostWithoutWww() {
        assertSource("blog.example.org", "referral", "", attribute(PAGE, "https://www.blog.example.org/post"));
        assertSource("blog.example.org", "referral", "", attribute(PAGE, "https://Blog.Example.org:8443/post"));
    }

    @Test
    void theSitesOwnHostIsNotAReferralButItsSubdomainsAre() {
        assertSource("direct", "none", "", attribute(PAGE, "https://www.example.com/other"));
        assertSource("direct", "none", "", attribute("https://www.example.com/", "https://example.com/other"));
        assertSource("shop.example.com", "referral", "", attribute(PAGE, "https://shop.example.com/"));
    }

    @Test
    void withoutAReferrerTheSessionIsDirect() {
        assertSource("direct", "none", "", attribute(PAGE, ""));
        assertSource("direct", "none", "", attribute(PAGE, "not a url with a host"));
        assertSource("direct", "none", "", attribute(PAGE, "https://exa\u0001mple.org/"));
    }

    @Test
    void withoutAPageHostAnUnlistedReferrerIsDirect() {
        assertSource("direct", "none", "", attribute("", "https://blog.example.org/post"));
        assertSource("direct", "none", "", attribute("https%3A%2F%2Fexample.com%2F", "https://blog.example.org/"));
        assertSource("direct", "none", "", attribute("mailto:me@example.com", "https://blog.example.org/"));
        assertSource("reddit", "social", "", attribute("", "https://www.reddit.com/"));
    }

    @Test
    void ignoreReferrerDropsTheReferrerButNotThePage() {
        assertSource("direct", "none", "", ATTRIBUTION.attribute(PAGE, "https://www.reddit.com/", true));
        assertSource("direct", "none", "", ATTRIBUTION.attribute(PAGE, "https://mail.example.com/", true));
        assertSource("google", "cpc", "", ATTRIBUTION.attribute(PAGE + "?gclid=1", "https://www.reddit.com/", true));
        assertSource("news", "email", "", ATTRIBUTION.attribute(PAGE + "?utm_source=news&utm_medium=email",
                "https://www.reddit.com/", true));
    }

    // §3.3 post-processing

    @Test
    void utmParametersOverrideWhatWasDetected() {
        assertSource("google", "cpc", "keyword",
                attribute(PAGE + "?utm_source=google&utm_medium=cpc&utm_term=keyword", "https://example.com"));
        assertSource("foobar", "bar", "keyword",
                attribute(PAGE + "?utm_source=foobar&utm_medium=bar&utm_term=keyword", "https://youtube.com/watch"));
        assertSource("newsletter", "cpc", "", attribute(PAGE + "?gclid=1&utm_source=newsletter", ""));
        assertSource("direct", "email", "", attribute(PAGE + "?utm_medium=email", ""));
        assertSource("google", "organic", "brand", attribute(PAGE + "?utm_term=brand", "https://www.google.com/?q=x"));
    }

    @Test
    void emptyUtmParametersDoNotOverride() {
        assertSource("google", "organic", "x", attribute(PAGE + "?utm_source=&utm_medium=&utm_term=",
                "https://www.google.com/?q=x"));
    }

    @ParameterizedTest
    @CsvSource({"Ilse NL, ilse-nl", "Yahoo Mail, yahoo-mail", "Google%2B, google%2b", "Yahoo!, yahoo!",
        "a/b\\c, abc", "news?letter, newsletter", "k#e&y=v, keyv"})
    void valuesAreNormalised(String raw, String normalised) {
        String escaped = java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8);
        TrafficSource source = attribute(PAGE + "?utm_source=" + escaped + "&utm_medium=" + escaped
                + "&utm_term=" + escaped, "");
        assertSource(normalised, normalised, normalised, source);
    }

    @Test
    void normalisationTrimsAfterReplacingSpaces() {
        assertEquals("-cpc", Normalisation.value(" CPC\t"));
        assertEquals("", Normalisation.value("/?&=#"));
    }

    // deliberate fixes (docs/compatibility.md)

    @ParameterizedTest
    @CsvSource({"https://search.yahoo.com/search?p=keyword, yahoo",
        "https://uk.search.yahoo.com/search?p=keyword, yahoo",
        "https://search.yahoo.co.jp/search?p=keyword, yahoo-japan", "https://yandex.ru/search/?text=keyword, yandex",
        "https://yandex.com/search/?text=keyword, yandex", "https://ya.ru/search/?text=keyword, yandex",
        "https://search.aol.com/aol/search?q=keyword, aol", "https://go.mail.ru/search?q=keyword, mail.ru",
        "https://search.lycos.com/web/?q=keyword, lycos", "https://search.gmx.com/web?q=keyword, gmx",
        "https://search.tiscali.it/?q=keyword, tiscali", "https://search.incredimail.com/?q=keyword, incredimail"})
    void searchEnginesAreMatchedBeforeEmailProviders(String referrer, String source) {
        assertSource(source, "organic", "keyword", attribute("", referrer));
    }

    @Test
    void theWebmailOfASearchCompanyStaysEmail() {
        assertSource("yahoo-mail", "email", "", attribute("", "https://mail.yahoo.com/"));
        assertSource("yahoo-mail", "email", "", attribute("", "https://mail.yahoo.co.jp/"));
        assertSource("yandex-mail", "email", "", attribute("", "https://mail.yandex.com/"));
        assertSource("gmail", "email", "", attribute("", "https://mail.google.com/"));
        assertSource("gmx", "email", "", attribute("", "https://www.gmx.net/"));
        assertSource("seznam-email", "email", "", attribute("", "https://email.seznam.cz/"));
        assertSource("naver-mail", "email", "", attribute("", "https://mail.naver.com/"));
    }

    @Test
    void theMailHeuristicComesAfterSearchEngines() {
        assertSource("google", "organic", "gmail.com-login",
                attribute("", "https://www.google.com/search?q=gmail.com+login"));
        assertSource("facebook", "social", "", attribute("", "https://l.facebook.com/l.php?u=https://mail.example/"));
    }

    @Test
    void hostsOnASocialOrAiListAndTheSearchListStaySocialOrAi() {
        assertSource("tieba", "social", "", attribute("", "https://tieba.baidu.com/p/1"));
        assertSource("gemini", "ai", "", attribute("", "https://gemini.google.com/"));
    }

    @Test
    void overlappingSearchEntriesResolveToTheMostSpecific() {
        for (int run = 0; run < 3; run++) {
            ListAttribution fresh = new ListAttribution(TestConfig.of(Map.of()));
            assertSource("google-images", "organic", "cat",
                    fresh.attribute("", "https://images.google.com/?q=cat", false));
            assertSource("google-news", "organic", "", fresh.attribute("", "https://news.google.com/", false));
            assertSource("google-scholar", "organic", "", fresh.attribute("", "https://scholar.google.de/", false));
            assertSource("yahoo-images", "organic", "", fresh.attribute("", "https://images.search.yahoo.com/", false));
            assertSource("yandex-images", "organic", "", fresh.attribute("", "https://images.yandex.ru/", false));
        }
    }
}
