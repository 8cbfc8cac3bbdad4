package org.d8a.columns.event;

/**
 * The query keys under which a protocol sends the page's URL, title and referrer: the core page columns and the
 * session's attribution read them, whatever the protocol calls them.
 *
 * @param location the page URL as sent ({@code dl}, Matomo {@code url})
 * @param title the page title ({@code dt}, Matomo {@code action_name})
 * @param referrer the page referrer ({@code dr}, Matomo {@code urlref})
 */
public record PageParams(String location, String title, String referrer) {

    /** GA4 gtag and the d8a tracker. */
    public static final PageParams GA4 = new PageParams("dl", "dt", "dr");
}
