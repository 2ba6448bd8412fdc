package io.mqrunbooks.bench;

import java.util.ArrayList;
import java.util.List;

/** One table of the bench report, printed as Markdown so it can go into docs/benchmarks.md as it is. */
public final class BenchTable {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    public BenchTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("table '" + title + "' has " + headers.size() + " columns, row has " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public BenchTable note(String note) {
        notes.add(note);
        return this;
    }

    public String title() {
        return title;
    }

    public List<String> headers() {
        return headers;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        return out.append("\n").toString();
    }
}
