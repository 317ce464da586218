package org.vprobjectivity.report;

import java.util.Map;

/**
 * Names of the regions (субъекты РФ) by the two-digit code FIS OKO exports carry in {@code region} (the code of the
 * constitutional list, as in school logins {@code sch22…}). The report writes the region in words where the code is
 * one of these; any other value is shown as it is.
 */
final class RegionNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("01", "Республика Адыгея"), Map.entry("02", "Республика Башкортостан"),
            Map.entry("03", "Республика Бурятия"), Map.entry("04", "Республика Алтай"),
            Map.entry("05", "Республика Дагестан"), Map.entry("06", "Республика Ингушетия"),
            Map.entry("07", "Кабардино-Балкарская Республика"), Map.entry("08", "Республика Калмыкия"),
            Map.entry("09", "Карачаево-Черкесская Республика"), Map.entry("10", "Республика Карелия"),
            Map.entry("11", "Республика Коми"), Map.entry("12", "Республика Марий Эл"),
            Map.entry("13", "Республика Мордовия"), Map.entry("14", "Республика Саха (Якутия)"),
            Map.entry("15", "Республика Северная Осетия — Алания"), Map.entry("16", "Республика Татарстан"),
            Map.entry("17", "Республика Тыва"), Map.entry("18", "Удмуртская Республика"),
            Map.entry("19", "Республика Хакасия"), Map.entry("20", "Чеченская Республика"),
            Map.entry("21", "Чувашская Республика"), Map.entry("22", "Алтайский край"),
            Map.entry("23", "Краснодарский край"), Map.entry("24", "Красноярский край"),
            Map.entry("25", "Приморский край"), Map.entry("26", "Ставропольский край"),
            Map.entry("27", "Хабаровский край"), Map.entry("28", "Амурская область"),
            Map.entry("29", "Архангельская область"), Map.entry("30", "Астраханская область"),
            Map.entry("31", "Белгородская область"), Map.entry("32", "Брянская область"),
            Map.entry("33", "Владимирская область"), Map.entry("34", "Волгоградская область"),
            Map.entry("35", "Вологодская область"), Map.entry("36", "Воронежская область"),
            Map.entry("37", "Ивановская область"), Map.entry("38", "Иркутская область"),
            Map.entry("39", "Калининградская область"), Map.entry("40", "Калужская область"),
            Map.entry("41", "Камчатский край"), Map.entry("42", "Кемеровская область — Кузбасс"),
            Map.entry("43", "Кировская область"), Map.entry("44", "Костромская область"),
            Map.entry("45", "Курганская область"), Map.entry("46", "Курская область"),
            Map.entry("47", "Ленинградская область"), Map.entry("48", "Липецкая область"),
            Map.entry("49", "Магаданская область"), Map.entry("50", "Московская область"),
            Map.entry("51", "Мурманская область"), Map.entry("52", "Нижегородская область"),
            Map.entry("53", "Новгородская область"), Map.entry("54", "Новосибирская область"),
            Map.entry("55", "Омская область"), Map.entry("56", "Оренбургская область"),
            Map.entry("57", "Орловская область"), Map.entry("58", "Пензенская область"),
            Map.entry("59", "Пермский край"), Map.entry("60", "Псковская область"),
            Map.entry("61", "Ростовская область"), Map.entry("62", "Рязанская область"),
            Map.entry("63", "Самарская область"), Map.entry("64", "Саратовская область"),
            Map.entry("65", "Сахалинская область"), Map.entry("66", "Свердловская область"),
            Map.entry("67", "Смоленская область"), Map.entry("68", "Тамбовская область"),
            Map.entry("69", "Тверская область"), Map.entry("70", "Томская область"),
            Map.entry("71", "Тульская область"), Map.entry("72", "Тюменская область"),
            Map.entry("73", "Ульяновская область"), Map.entry("74", "Челябинская область"),
            Map.entry("75", "Забайкальский край"), Map.entry("76", "Ярославская область"),
            Map.entry("77", "г. Москва"), Map.entry("78", "г. Санкт-Петербург"),
            Map.entry("79", "Еврейская автономная область"), Map.entry("83", "Ненецкий автономный округ"),
            Map.entry("86", "Ханты-Мансийский автономный округ — Югра"), Map.entry("87", "Чукотский автономный округ"),
            Map.entry("89", "Ямало-Ненецкий автономный округ"), Map.entry("91", "Республика Крым"),
            Map.entry("92", "г. Севастополь"));

    private RegionNames() {
    }

    /** The region's name for its code ({@code 22}, also {@code 022} or {@code reg22}), or null when unknown. */
    static String name(String code) {
        if (code == null) {
            return null;
        }
        String digits = code.trim().replaceFirst("^(?i)reg", "").replaceFirst("^0+(?=\\d\\d$)", "");
        return NAMES.get(digits.length() == 1 ? "0" + digits : digits);
    }
}
