package org.d8a.intake;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.d8a.hits.ArrivalSequence;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.HitValidator;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.hits.RequestRepeats;
import org.d8a.hits.ip.ClientAddresses;
import org.d8a.intake.ratelimit.Admission;
import org.d8a.intake.ratelimit.RateLimiter;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.metrics.RejectReason;
import org.d8a.properties.PropertyRegistry;
import org.d8a.protocol.d8a.D8aProtocol;
import org.d8a.protocol.TrackingProtocol;
import org.d8a.protocol.ga4.Ga4Protocol;
import org.d8a.protocol.ga4.mp.MeasurementProtocol;
import org.d8a.protocol.ga4.mp.MpReading;
import org.d8a.protocol.ga4.mp.ValidationCode;
import org.d8a.protocol.ga4.mp.ValidationMessage;
import org.d8a.protocol.ga4.mp.ValidationResponse;
import org.d8a.protocol.matomo.MatomoProtocol;
import org.d8a.protocol.matomo.MatomoSettings;
import org.d8a.queue.HitPublisher;
import org.d8a.queue.CountsUnavailableException;
import org.d8a.queue.JournalUnavailableException;
import org.d8a.queue.QueueBlockedException;

/**
 * Takes in the hits of one collect request, all or none: the protocol turns the request into hits, the client
 * address is resolved and masked for the hit's property before anything keeps it, the hits are validated, numbered in
 * arrival order (identical lines of one request stay two events) and tagged with their protocol, then queued. It
 * returns once they are durably in the hits queue (and, with {@code receiver.raw_log} on, in the raw log before
 * that), which is what the client's {@code 204} promises.
 */
@ApplicationScoped
public class HitIntake {

    /** Protocol id of {@code /g/collect}. */
    public static final String GA4 = Ga4Protocol.ID;
    /** The metrics label of {@code /mp/collect}, whose hits carry their property's protocol. */
    public static final String MEASUREMENT_PROTOCOL = "mp";
    /** Protocol id of {@code /d/c}. */
    public static final String D8A = D8aProtocol.ID;
    /** Protocol id of {@code /matomo.php} and the paths of {@code matomo.tracking_endpoints}. */
    public static final String MATOMO = MatomoProtocol.ID;
    /** The reference's HTTP layer refuses larger bodies before any protocol logic runs. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    @Inject
    PropertyRegistry properties;

    @Inject
    HitPublisher publisher;

    @Inject
    IntakeSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    PipelineMetrics metrics;

    @Inject
    MatomoSettings matomo;

    private final Map<String, TrackingProtocol> protocols = Map.of(GA4, new Ga4Protocol(), D8A, new D8aProtocol(),
            MATOMO, new MatomoProtocol());
    private HitValidator validator;
    private int maxBodyLines;
    /** {@code null} when {@code receiver.rate_limit} is off. */
    private RateLimiter rateLimiter;

    @PostConstruct
    void init() {
        validator = new HitValidator(properties, settings.maxHitKbytes());
        maxBodyLines = settings.maxBodyLines();
        rateLimiter = settings.rateLimit().map(limit -> new RateLimiter(limit, System::nanoTime)).orElse(null);
    }

    /**
     * Queues the hits of {@code request}, received on the endpoint of {@code protocolId}, at {@code receivedAtMillis}.
     *
     * @throws RefusedRequestException when the request or any of its hits is invalid, the body too large, or its
     *     client address over the rate limit; nothing of it is kept
     * @throws HitsNotQueuedException when the hits could not be queued durably
     */
    public void accept(String protocolId, CollectRequest request, long receivedAtMillis)
            throws RefusedRequestException, HitsNotQueuedException {
        TrackingProtocol protocol = protocols.get(protocolId);
        if (protocol == null) {
            throw new IllegalArgumentException("no collect protocol " + protocolId);
        }
        String clientIp = addresses.clientIp(request.peerAddress(), request.firstHeader());
        admit(protocolId, clientIp);
        List<Hit> hits = List.of();
        try {
            hits = hitsOf(protocol, request, clientIp, receivedAtMillis);
            publish(hits);
        } catch (RefusedRequestException e) {
            metrics.requestRejected(protocolId, propertyOf(hits), e.tooLarge() ? RejectReason.TOO_LARGE
                    : RejectReason.INVALID);
            throw e;
        } catch (HitsNotQueuedException e) {
            metrics.requestRejected(protocolId, propertyOf(hits), e.unavailable() ? RejectReason.UNAVAILABLE
                    : RejectReason.ERROR);
            throw e;
        }
        countReceived(protocolId, hits);
    }

    /**
     * Refuses the request before anything of it is parsed when its client address is over {@code receiver.rate_limit}:
     * counted, never logged (a flood would flood the log too).
     */
    private void admit(String endpoint, String clientIp) throws RefusedRequestException {
        if (rateLimiter == null) {
            return;
        }
        Admission admission = rateLimiter.admit(clientIp);
        if (!admission.admitted()) {
            metrics.requestRejected(endpoint, PipelineMetrics.UNKNOWN_PROPERTY, RejectReason.RATE_LIMITED);
            throw RefusedRequestException.rateLimited("too many requests from this address (receiver.rate_limit); "
                    + "retry after " + admission.retryAfterSeconds() + " s", admission.retryAfterSeconds());
        }
    }

    private List<Hit> hitsOf(TrackingProtocol protocol, CollectRequest request, String clientIp,
            long receivedAtMillis) throws RefusedRequestException {
        if (request.body().length() > MAX_BODY_BYTES) {
            throw new RefusedRequestException("request body exceeds " + MAX_BODY_BYTES + " bytes", true);
        }
        if (maxBodyLines > 0 && BodyLines.exceed(request.body(), maxBodyLines)) {
            throw tooManyLines();
        }
        List<Hit> hits;
        try {
            hits = protocol.createHits(parsed(request, clientIp, receivedAtMillis), properties);
            if (maxBodyLines > 0 && hits.size() > maxBodyLines) {
                // a Matomo bulk request holds its entries on one line of JSON
                throw tooManyLines();
            }
            maskAndValidate(hits, request.body(), protocol.id());
        } catch (HitRejectedException e) {
            throw new RefusedRequestException(e.getMessage(), false);
        }
        number(hits, protocol.id());
        return hits;
    }

    private RefusedRequestException tooManyLines() {
        return new RefusedRequestException("request body has more than " + maxBodyLines
                + " lines (receiver.max_body_lines)", true);
    }

    /**
     * Takes in a Measurement Protocol request ({@code /mp/collect}), or with {@code validateOnly} only checks it
     * ({@code /debug/mp/collect}). A request with any finding, a wrong secret among them, keeps nothing; the events
     * of a valid one are hits of the stream's property, of the property's protocol.
     *
     * @throws HitsNotQueuedException when the hits of a valid request could not be queued durably
     * @throws RefusedRequestException only when its client address is over the rate limit (everything else the
     *     protocol refuses is in the answer)
     */
    public MeasurementProtocolAnswer acceptMeasurementProtocol(CollectRequest request, long receivedAtMillis,
            boolean validateOnly) throws HitsNotQueuedException, RefusedRequestException {
        String clientIp = addresses.clientIp(request.peerAddress(), request.firstHeader());
        admit(MEASUREMENT_PROTOCOL, clientIp);
        MpReading reading = MeasurementProtocol.read(parsed(request, clientIp, receivedAtMillis), properties);
        List<ValidationMessage> messages = reading.messages();
        List<Hit> hits = reading.hits();
        String protocolId = hits.isEmpty() ? "" : properties.byId(hits.get(0).getPropertyId()).protocol();
        if (messages.isEmpty()) {
            try {
                // no body: the protocol's own limits bound the request, and no hit carries it
                maskAndValidate(hits, "", protocolId);
            } catch (HitRejectedException e) {
                messages = List.of(new ValidationMessage("", e.getMessage(), ValidationCode.VALUE_INVALID));
            }
        }
        String response = ValidationResponse.json(messages);
        if (!messages.isEmpty()) {
            boolean tooLarge = MeasurementProtocol.tooLarge(request.body());
            if (!validateOnly) {
                metrics.requestRejected(MEASUREMENT_PROTOCOL, propertyOf(hits), tooLarge ? RejectReason.TOO_LARGE
                        : RejectReason.INVALID);
            }
            return new MeasurementProtocolAnswer(false, tooLarge, messages.get(0).description(), response);
        }
        if (!validateOnly) {
            number(hits, protocolId);
            try {
                publish(hits);
            } catch (HitsNotQueuedException e) {
                metrics.requestRejected(MEASUREMENT_PROTOCOL, propertyOf(hits), e.unavailable()
                        ? RejectReason.UNAVAILABLE : RejectReason.ERROR);
                throw e;
            }
            countReceived(MEASUREMENT_PROTOCOL, hits);
        }
        return new MeasurementProtocolAnswer(!validateOnly, false, "", response);
    }

    private ParsedRequest parsed(CollectRequest request, String clientIp, long receivedAtMillis) {
        return new ParsedRequest(clientIp, request.host(), request.path(), request.method(), receivedAtMillis,
                QueryString.parseLenient(request.rawQuery()), request.headers(), request.body());
    }

    private void maskAndValidate(List<Hit> hits, String body, String protocolId) throws HitRejectedException {
        for (Hit hit : hits) {
            hit.setIp(addresses.masked(hit.getIp(), properties.byId(hit.getPropertyId())));
        }
        validator.validate(hits, body, protocolId);
    }

    private static void number(List<Hit> hits, String protocolId) {
        for (Hit hit : hits) {
            hit.setArrivalSeq(ArrivalSequence.next());
            hit.getMetadata().put("protocol", protocolId);
        }
        // Identical lines of this request stay two events; the store skips only a retry of the whole request.
        RequestRepeats.number(hits);
    }

    private void countReceived(String endpoint, List<Hit> hits) {
        // once per property of the request (a Matomo bulk request may name several sites)
        hits.stream().collect(Collectors.groupingBy(Hit::getPropertyId, Collectors.counting()))
                .forEach((property, count) -> metrics.hitsReceived(endpoint, property, count.intValue()));
    }

    /** The metrics label of a refused request: its hits' property (always a configured one), if it got that far. */
    private String propertyOf(List<Hit> hits) {
        return hits.isEmpty() ? PipelineMetrics.UNKNOWN_PROPERTY : hits.get(0).getPropertyId();
    }

    /** Every path Matomo requests are accepted on: {@code /matomo.php}, then {@code matomo.tracking_endpoints}. */
    public List<String> matomoTrackingEndpoints() {
        return matomo.trackingEndpoints();
    }

    private void publish(List<Hit> hits) throws HitsNotQueuedException {
        long started = System.nanoTime();
        try {
            publisher.publish(hits).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.publishLatency(Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HitsNotQueuedException("the receiver is shutting down", e, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JournalUnavailableException unavailable) {
                // reported once per failure period by the raw log itself; the client may retry
                throw new HitsNotQueuedException(unavailable.getMessage() + "; retry later", unavailable, true);
            }
            if (e.getCause() instanceof CountsUnavailableException uncounted) {
                // a node of a cluster whose database is away: reported once per failure period by the publisher
                throw new HitsNotQueuedException(uncounted.getMessage() + "; retry later", uncounted, true);
            }
            if (e.getCause() instanceof QueueBlockedException) {
                // the broker blocks producers (a full disk): reported once per blocked period by the publisher
                throw new HitsNotQueuedException("the hits queue is blocked; retry later", e.getCause(), true);
            }
            if (e.getCause() instanceof JMSException refused) {
                // the broker is unreachable or refused the commit (reported once per failure period by the publisher)
                throw new HitsNotQueuedException("the hits queue is unavailable; retry later", refused, true);
            }
            throw new HitsNotQueuedException("hits not queued", e, false);
        } catch (TimeoutException e) {
            // not confirmed is not stored: the client retries, and a retry of hits that did get in is skipped
            throw new HitsNotQueuedException("the hits queue did not confirm the hits in time; retry later", e, true);
        }
    }
}
