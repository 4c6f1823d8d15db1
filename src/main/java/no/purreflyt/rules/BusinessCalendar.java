package no.purreflyt.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import no.purreflyt.ledger.Country;

/**
 * Business days of Norway and Sweden: not a Saturday, Sunday or public holiday of the country (Easter, Ascension
 * and Whitsun included, from the Jollyday library; Sweden's eves such as Midsommarafton count as holidays there).
 */
public final class BusinessCalendar {

    private final Map<Country, HolidayManager> holidays = new EnumMap<>(Country.class);

    public BusinessCalendar() {
        holidays.put(Country.NO, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY)));
        holidays.put(Country.SE, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
    }

    public boolean isBusinessDay(Country country, LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.get(country).isHoliday(date);
    }

    /** The date itself when it is a business day, else the next business day. */
    public LocalDate onOrAfter(Country country, LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(country, day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
