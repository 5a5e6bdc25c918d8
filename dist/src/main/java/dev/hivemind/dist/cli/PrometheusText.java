package dev.hivemind.dist.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The samples of a Prometheus text exposition ({@code name{label="value",...} number}), for {@code status}. */
final class PrometheusText {
    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space).strip();
            Map<String, String> labels = brace >= 0 && brace < space
                    ? labels(line.substring(brace + 1, line.lastIndexOf('}', space))) : Map.of();
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
            } catch (NumberFormatException e) {
                // a timestamped or malformed line: not needed here
            }
        }
        return new PrometheusText(samples);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf("=\"", i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                value.append(text.charAt(j++));
            }
            labels.put(key, value.toString());
            i = text.indexOf(',', j);
            i = i < 0 ? text.length() : i + 1;
        }
        return labels;
    }

    /** The sum of every sample named {@code name} (0 if none). */
    double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    /** The samples named {@code name}, summed by the value of {@code label}, in first-seen order. */
    Map<String, Double> byLabel(String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .collect(Collectors.groupingBy(s -> s.labels().get(label), LinkedHashMap::new,
                        Collectors.summingDouble(Sample::value)));
    }

    /** {@code key n, key n} of a {@link #byLabel} map, or {@code none}. */
    static String describe(Map<String, Double> counts, Function<Double, String> format) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + format.apply(e.getValue())).collect(Collectors.joining(", "));
    }
}
