package org.vprobjectivity.synthetic;

import java.util.List;
import java.util.Map;

/** Names that look like the real ones in FIS OKO exports (Altai Krai flavour). */
final class RussianNames {

    private static final Map<String, String> REGIONS = Map.of(
            "05", "Республика Дагестан", "22", "Алтайский край", "54", "Новосибирская область",
            "66", "Свердловская область", "77", "г. Москва", "78", "г. Санкт-Петербург");

    private static final List<String> DISTRICTS = List.of(
            "Алейский", "Баевский", "Бийский", "Благовещенский", "Бурлинский", "Быстроистокский", "Волчихинский",
            "Егорьевский", "Ельцовский", "Завьяловский", "Залесовский", "Заринский", "Змеиногорский", "Зональный",
            "Калманский", "Каменский", "Ключевский", "Косихинский", "Красногорский", "Краснощёковский",
            "Крутихинский", "Кулундинский", "Курьинский", "Кытмановский", "Локтевский", "Мамонтовский",
            "Михайловский", "Новичихинский", "Павловский", "Панкрушихинский", "Первомайский", "Петропавловский",
            "Поспелихинский", "Ребрихинский", "Родинский", "Романовский", "Рубцовский", "Смоленский", "Советский",
            "Солонешенский", "Солтонский", "Суетский", "Табунский", "Тальменский", "Тогульский", "Топчихинский",
            "Третьяковский", "Троицкий", "Тюменцевский", "Угловский", "Усть-Калманский", "Усть-Пристанский",
            "Хабарский", "Целинный", "Чарышский", "Шелаболихинский", "Шипуновский");

    private static final List<String> CITIES = List.of(
            "г. Барнаул", "г. Бийск", "г. Рубцовск", "г. Новоалтайск", "г. Заринск", "г. Камень-на-Оби",
            "г. Славгород", "г. Яровое", "г. Белокуриха", "г. Алейск");

    private static final List<String> VILLAGES = List.of(
            "Березовская", "Вавилонская", "Ключевская", "Луговская", "Новиковская", "Сосновская", "Заречная",
            "Покровская", "Никольская", "Михайловская", "Верх-Обская", "Озерская", "Боровлянская", "Комарская",
            "Урожайная", "Степная", "Гоношихинская", "Тягунская", "Кировская", "Победимская", "Ярославцевологовская",
            "Солоновская", "Краснояровская", "Первомайская");

    private RussianNames() {
    }

    static String region(String code) {
        return REGIONS.getOrDefault(code, "Субъект РФ " + code);
    }

    /** Districts and cities interleave (every fourth municipality is a city); a suffix keeps big regions unique. */
    static String municipality(int index, boolean city) {
        if (city) {
            int i = index / 4;
            String base = "городской округ " + CITIES.get(i % CITIES.size());
            return i < CITIES.size() ? base : base + " (" + (i / CITIES.size() + 1) + ")";
        }
        int i = index - (index + 3) / 4;
        String base = DISTRICTS.get(i % DISTRICTS.size()) + " муниципальный район";
        return i < DISTRICTS.size() ? base : base + " (" + (i / DISTRICTS.size() + 1) + ")";
    }

    static boolean isCity(int municipalityIndex) {
        return municipalityIndex % 4 == 1;
    }

    /**
     * A school name. Urban schools are numbered within their municipality, rural ones named after a village;
     * strong schools are lyceums and gymnasiums. Some schools get awkward names on purpose:
     * {@code awkward} 1 = starting with "=" (formula injection), 2 = «» and a comma (quoting).
     */
    static String school(int awkward, int numberInMunicipality, boolean urban, boolean strong, int variant) {
        String form = (variant & 1) == 0 ? "МБОУ" : (urban ? "МАОУ" : "МКОУ");
        String inner;
        if (strong) {
            inner = ((variant & 2) == 0 ? "Лицей №" : "Гимназия №") + numberInMunicipality;
        } else if (urban) {
            inner = "СОШ №" + numberInMunicipality;
        } else {
            inner = VILLAGES.get(Math.floorMod(variant >> 2, VILLAGES.size())) + ((variant & 2) == 0 ? " СОШ" : " ООШ");
        }
        if (awkward == 2) {
            return form + " «" + inner + ", им. А.С. Пушкина»";
        }
        String name = form + " \"" + inner + "\"";
        return awkward == 1 ? "=" + name : name;
    }
}
