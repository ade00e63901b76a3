package io.conformity.declaration.internal.rendering;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Resolves Thymeleaf templates and fragments in the {@link TemplateFolder}, whether it is on the class path or an
 * operator's {@code file:} folder (Thymeleaf's own resolvers each know only one of the two).
 */
final class FolderTemplateResolver extends AbstractConfigurableTemplateResolver {

    private final TemplateFolder folder;

    FolderTemplateResolver(TemplateFolder folder) {
        this.folder = folder;
    }

    @Override
    protected ITemplateResource computeTemplateResource(
            IEngineConfiguration configuration,
            String ownerTemplate,
            String template,
            String resourceName,
            String characterEncoding,
            Map<String, Object> templateResolutionAttributes) {
        return new FolderResource(folder, resourceName);
    }

    private record FolderResource(TemplateFolder folder, String name) implements ITemplateResource {

        @Override
        public String getDescription() {
            return name + " in " + folder.description();
        }

        @Override
        public String getBaseName() {
            int slash = name.lastIndexOf('/');
            String file = name.substring(slash + 1);
            int dot = file.lastIndexOf('.');
            return dot < 0 ? file : file.substring(0, dot);
        }

        @Override
        public boolean exists() {
            return TemplateFolder.isSafe(name) && resource().exists();
        }

        @Override
        public Reader reader() throws IOException {
            return new InputStreamReader(resource().getInputStream(), StandardCharsets.UTF_8);
        }

        @Override
        public ITemplateResource relative(String relativeLocation) {
            int slash = name.lastIndexOf('/');
            return new FolderResource(
                    folder, slash < 0 ? relativeLocation : name.substring(0, slash + 1) + relativeLocation);
        }

        private Resource resource() {
            return folder.resource(name);
        }
    }
}
