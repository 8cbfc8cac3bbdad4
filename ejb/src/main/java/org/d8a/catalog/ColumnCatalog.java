package org.d8a.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.d8a.columns.Column;
import org.d8a.columns.ColumnDefinitionException;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.event.CoreEventColumns;
import org.d8a.columns.event.DeviceColumns;
import org.d8a.columns.event.GeoColumns;
import org.d8a.columns.event.PageParams;
import org.d8a.columns.event.PageUrlColumns;
import org.d8a.columns.session.CoreSessionColumns;
import org.d8a.config.ConfigReader;
import org.d8a.enrich.Enrichment;
import org.d8a.enrich.attribution.Attribution;
import org.d8a.enrich.currency.CurrencyConverter;
import org.d8a.enrich.device.DeviceDetector;
import org.d8a.enrich.geo.GeoLocator;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protocol.d8a.D8aInterfaceIds;
import org.d8a.protocol.d8a.D8aProtocol;
import org.d8a.protocol.ga4.Ga4Interfaces;
import org.d8a.protocol.ga4.Ga4Protocol;
import org.d8a.protocol.ga4.columns.Ga4EventColumns;
import org.d8a.protocol.ga4.columns.Ga4SessionColumns;
import org.d8a.protocol.ga4.custom.CustomColumnDefinition;
import org.d8a.protocol.ga4.custom.CustomColumnDefinitions;
import org.d8a.protocol.ga4.custom.ParamCustomColumn;
import org.d8a.protocol.matomo.MatomoInterfaces;
import org.d8a.protocol.matomo.MatomoProtocol;
import org.d8a.protocol.matomo.columns.MatomoEventColumns;
import org.d8a.protocol.matomo.columns.MatomoSessionColumns;
import org.d8a.protocol.matomo.custom.ShortcutColumns;
import org.d8a.protocol.matomo.custom.ShortcutDefinition;
import org.d8a.protocol.matomo.custom.ShortcutDefinitions;

/**
 * The column set of each property (architecture decision 11): core columns, its protocol's columns (the GA4 columns,
 * under d8a ids for the d8a protocol) and the custom columns of the configuration. Built for every configured property
 * at deployment, so a column set that cannot be ordered or misses a core interface stops the deployment with a message
 * naming the offending interfaces.
 */
@ApplicationScoped
public class ColumnCatalog {

    /** Table order: the core interfaces, then the GA4 protocol's; anything else (custom, d8a ids) after them. */
    private static final List<String> DEFINITION_ORDER = definitionOrder(Ga4Interfaces.ORDER);
    /** The Matomo table: the core interfaces, then the Matomo protocol's. */
    private static final List<String> MATOMO_DEFINITION_ORDER = definitionOrder(MatomoInterfaces.ORDER);

    @Inject
    PropertyRegistry properties;

    @Inject
    ConfigReader config;

    @Inject
    DeviceDetector devices;

    @Inject
    GeoLocator geo;

    @Inject
    Attribution attribution;

    @Inject
    CurrencyConverter currencies;

    private Map<String, ColumnSet> byProperty = Map.of();

    @PostConstruct
    void build() {
        List<CustomColumnDefinition> customColumns = CustomColumnDefinitions.from(config);
        List<ShortcutDefinition> shortcuts = ShortcutDefinitions.from(config,
                customColumns.stream().map(CustomColumnDefinition::columnName).toList());
        Enrichment enrichment = new Enrichment(devices, geo, attribution, currencies);
        Map<String, ColumnSet> sets = new LinkedHashMap<>();
        for (PropertySettings property : properties.all()) {
            sets.put(property.id(), columnsFor(property, customColumns, shortcuts, enrichment));
        }
        byProperty = Map.copyOf(sets);
    }

    /** Builds the catalog while the application deploys, so that an invalid column set fails the deployment. */
    void buildAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        byProperty.size();
    }

    /** The columns written for {@code propertyId}'s events; an unknown property's are the default property's. */
    public ColumnSet forProperty(String propertyId) {
        return byProperty.get(properties.byId(propertyId).id());
    }

    /** The column reference of a configured property, empty for an unknown property id. */
    public Optional<List<ColumnDescription>> describe(String propertyId) {
        return Optional.ofNullable(byProperty.get(propertyId)).map(ColumnReference::describe);
    }

    /** The configured properties' ids, the default first. */
    public List<String> propertyIds() {
        return properties.all().stream().map(PropertySettings::id).toList();
    }

    /** The built-in and {@code ga4.params} columns of one property, ordered; usable without the container. */
    public static ColumnSet columnsFor(PropertySettings property, List<CustomColumnDefinition> customColumns,
            Enrichment enrichment) {
        return columnsFor(property, customColumns, List.of(), enrichment);
    }

    /**
     * The built-in and custom columns of one property, ordered; usable without the container. Each protocol takes its
     * own custom columns: {@code ga4.params} for ga4 and d8a, the Matomo shortcuts for matomo.
     */
    public static ColumnSet columnsFor(PropertySettings property, List<CustomColumnDefinition> customColumns,
            List<ShortcutDefinition> matomoShortcuts, Enrichment enrichment) {
        if (MatomoProtocol.ID.equals(property.protocol())) {
            return matomoColumns(property, matomoShortcuts, enrichment);
        }
        boolean d8a = D8aProtocol.ID.equals(property.protocol());
        Ga4Protocol protocol = d8a ? new D8aProtocol() : new Ga4Protocol();
        List<Column> columns = sharedColumns(property, PageParams.GA4, enrichment);
        columns.addAll(Ga4EventColumns.all(protocol.trackingProtocol(), enrichment.currencies()));
        columns.addAll(Ga4SessionColumns.all());
        customColumns.forEach(definition -> columns.add(new ParamCustomColumn(definition)));
        assertCoreInterfacesPresent(columns);
        return new ColumnSet(d8a ? D8aInterfaceIds.rename(columns) : columns, DEFINITION_ORDER);
    }

    /** The Matomo catalog (spec/matomo-protocol.md §2): the shared columns read from Matomo's keys, then its own. */
    private static ColumnSet matomoColumns(PropertySettings property, List<ShortcutDefinition> shortcuts,
            Enrichment enrichment) {
        List<Column> columns = sharedColumns(property, MatomoEventColumns.PAGE, enrichment);
        columns.addAll(MatomoEventColumns.all());
        columns.addAll(MatomoSessionColumns.all());
        shortcuts.forEach(definition -> columns.add(ShortcutColumns.of(definition)));
        assertCoreInterfacesPresent(columns);
        return new ColumnSet(columns, MATOMO_DEFINITION_ORDER);
    }

    /** The core columns every protocol has, the page ones reading the protocol's {@code page} keys. */
    private static List<Column> sharedColumns(PropertySettings property, PageParams page, Enrichment enrichment) {
        List<Column> columns = new ArrayList<>();
        columns.addAll(CoreEventColumns.all(page));
        columns.addAll(PageUrlColumns.all(property, page));
        columns.addAll(GeoColumns.all(enrichment.geo()));
        columns.addAll(DeviceColumns.all(enrichment.devices()));
        columns.addAll(CoreSessionColumns.all(enrichment.attribution(), page));
        return columns;
    }

    private static void assertCoreInterfacesPresent(List<Column> columns) {
        Set<String> present = new HashSet<>();
        columns.forEach(column -> present.add(column.interfaceId()));
        for (String id : CoreInterfaces.ORDER) {
            if (!present.contains(id)) {
                throw new ColumnDefinitionException("core interface " + id + " has no column");
            }
        }
    }

    private static List<String> definitionOrder(List<String> protocolOrder) {
        List<String> order = new ArrayList<>(CoreInterfaces.ORDER);
        order.addAll(protocolOrder);
        return List.copyOf(order);
    }
}
