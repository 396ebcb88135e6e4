package org.ssbtwin.core.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The attributes a filter or sort may name, with their types; aliases map to a canonical name. */
public final class AttributeSchema {
    private final Map<String, AttrType> types;
    private final Map<String, String> aliases;
    private final Map<String, String> byLowerCase = new java.util.HashMap<>();

    public AttributeSchema(Map<String, AttrType> types, Map<String, String> aliases) {
        this.types = Map.copyOf(types);
        this.aliases = Map.copyOf(aliases);
        aliases.forEach((alias, name) -> {
            if (!types.containsKey(name)) throw new IllegalArgumentException("alias " + alias + " names unknown attribute " + name);
            byLowerCase.put(alias.toLowerCase(java.util.Locale.ROOT), name);
        });
        types.keySet().forEach(name -> byLowerCase.put(name.toLowerCase(java.util.Locale.ROOT), name));
    }

    /** The canonical attribute for {@code name} (case-insensitive; itself or what an alias stands for), or null. */
    public String canonical(String name) {
        if (types.containsKey(name)) return name;
        return byLowerCase.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public AttrType type(String canonicalName) {
        return types.get(canonicalName);
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(types.keySet());
    }

    public Map<String, String> aliases() {
        return new LinkedHashMap<>(aliases);
    }
}
