package org.vprobjectivity.flags;

import java.util.Locale;

/**
 * The school's type read from its name, shown beside a flag because FIOKO's press releases say lyceums and gymnasiums
 * with advanced study are not counted as suspicious for high results alone (docs/design.md §0). The flag does not use
 * it: the two-signal rule already keeps high results alone from flagging anyone.
 */
public final class SchoolType {

    private SchoolType() {
    }

    /** «лицей», «гимназия», «кадетская школа», «с углублённым изучением» or null for an ordinary school. */
    public static String fromName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
        // «лицей», «лицея», «лицею»… as a word: not the «лице» inside «улице» or «полицейский».
        if (n.matches("(?s).*(^|[^а-я])лице[йяюе].*")) {
            return "лицей";
        }
        if (n.contains("гимнази")) {
            return "гимназия";
        }
        if (n.contains("кадет")) {
            return "кадетская школа";
        }
        if (n.contains("углубл")) {
            return "с углублённым изучением";
        }
        return null;
    }
}
