package dev.hivemind.engine.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.inject.HubModule;
import dev.hivemind.engine.plugin.PluginCatalog;

/**
 * Entry point for applications that run a hub: builds the Guice injector from a configuration, the discovered
 * plugins and a client registry, and hands out the {@link HubServer}. Start-up problems (a missing plugin, a bad
 * identity key) surface as the original exception, not wrapped in Guice's.
 */
public final class HiveMindEngine {
    private HiveMindEngine() {
    }

    /** Builds a hub server (not yet started). {@code overrides} replace bindings (tests: random, scheduler). */
    public static HubServer create(HiveMindConfig config, PluginCatalog catalog, ClientRegistry registry,
            Module... overrides) {
        HubModule hubModule = new HubModule(config, catalog);
        Module base = Modules.combine(hubModule, new AbstractModule() {
            @Override
            protected void configure() {
                bind(ClientRegistry.class).toInstance(registry);
            }
        });
        Module all = overrides.length == 0 ? base : Modules.override(base).with(overrides);
        try {
            Injector injector = Guice.createInjector(all);
            return injector.getInstance(HubServer.class);
        } catch (ProvisionException e) {
            hubModule.lifecycle().close();
            throw unwrap(e, e.getCause());
        } catch (CreationException e) {
            hubModule.lifecycle().close();
            throw unwrap(e, e.getCause());
        } catch (RuntimeException e) {
            hubModule.lifecycle().close();
            throw e;
        }
    }

    /** The hub of a server built by {@link #create}. */
    public static Hub hubOf(HubServer server) {
        return server.hub();
    }

    private static RuntimeException unwrap(RuntimeException guice, Throwable cause) {
        Throwable c = cause;
        while (c instanceof ProvisionException || c instanceof CreationException) {
            c = c.getCause();
        }
        return c instanceof RuntimeException r ? r : guice;
    }
}
