package org.licenselifecycle.licensing.reports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/** List price per license and month of each product, by skuPartNumber (e.g. {@code licensing.prices.list."SPB"=22.00}). */
@ConfigMapping(prefix = "licensing.prices")
public interface PricesConfig {

    @WithDefault("USD")
    String currency();

    Map<String, BigDecimal> list();
}
