package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  @Nested
  class Creation {
    @Test
    @DisplayName("of(text, code) parses the amount and looks up the currency")
    void ofText() {
      Money m = Money.of("9.90", "EUR");
      assertSoftly(s -> {
        s.assertThat(m.amount()).isEqualTo(new BigDecimal("9.90"));
        s.assertThat(m.currency()).isEqualTo(EUR);
      });
    }

    @Test
    @DisplayName("of(text, code) trims surrounding blanks of the amount")
    void ofTextTrims() {
      assertThat(Money.of(" 12.5 ", "ILS")).isEqualTo(Money.of("12.50", "ILS"));
    }

    @Test
    @DisplayName("of(BigDecimal, Currency) is the same money as of(text, code)")
    void ofBigDecimal() {
      Money m = Money.of(new BigDecimal("9.90"), EUR);
      assertThat(m).isEqualTo(Money.of("9.90", "EUR"));
      assertThat(m.hashCode()).isEqualTo(Money.of("9.90", "EUR").hashCode());
    }

    @Test
    @DisplayName("the amount is normalised to the currency's scale: 9.9 EUR equals 9.90 EUR")
    void normalisesScale() {
      Money short1 = Money.of("9.9", "EUR");
      assertSoftly(s -> {
        s.assertThat(short1).isEqualTo(Money.of("9.90", "EUR"));
        s.assertThat(short1.amount().scale()).isEqualTo(2);
        s.assertThat(short1.amount()).isEqualTo(new BigDecimal("9.90"));
        s.assertThat(Money.of(new BigDecimal("7"), EUR).amount()).isEqualTo(new BigDecimal("7.00"));
        s.assertThat(Money.of(new BigDecimal("1E+3"), EUR).amount()).isEqualTo(new BigDecimal("1000.00"));
      });
    }

    @Test
    @DisplayName("JPY has no fraction digits; BHD has three")
    void currencyScales() {
      assertSoftly(s -> {
        s.assertThat(Money.of("100", "JPY").amount()).isEqualTo(new BigDecimal("100"));
        s.assertThat(Money.of("100", "JPY").amount().scale()).isZero();
        s.assertThat(Money.of("1.5", "BHD").amount()).isEqualTo(new BigDecimal("1.500"));
      });
    }

    @Test
    @DisplayName("more decimal places than the currency allows are rejected, naming the amount and the currency")
    void rejectsExcessDecimals() {
      assertThatThrownBy(() -> Money.of("9.999", "EUR"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("9.999")
          .hasMessageContaining("EUR");
      assertThatThrownBy(() -> Money.of(new BigDecimal("100.5"), JPY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("100.5")
          .hasMessageContaining("JPY");
      assertThatThrownBy(() -> Money.of("0.0001", "BHD"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("0.0001")
          .hasMessageContaining("BHD");
    }

    @Test
    @DisplayName("text that is not a number is rejected, quoting it")
    void rejectsNonNumber() {
      assertThatThrownBy(() -> Money.of("nine", "EUR"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'nine'");
    }

    @Test
    @DisplayName("an unknown currency code is rejected, quoting the code")
    void rejectsUnknownCurrency() {
      assertThatThrownBy(() -> Money.of("1.00", "QQQ"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'QQQ'");
      assertThatThrownBy(() -> Money.currency("eur"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'eur'");
    }

    @Test
    @DisplayName("a currency without a minor unit (XXX) cannot hold money")
    void rejectsCurrencyWithoutMinorUnit() {
      assertThatThrownBy(() -> Money.of("1", "XXX"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("XXX")
          .hasMessageContaining("no minor unit");
      assertThatThrownBy(() -> Money.zero(Currency.getInstance("XXX")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("XXX");
      assertThatThrownBy(() -> Money.ofRounded(BigDecimal.ONE, Currency.getInstance("XXX"), RoundingMode.HALF_EVEN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("XXX");
    }

    @Test
    @DisplayName("ofRounded rounds to the currency's scale with the given mode")
    void ofRounded() {
      assertSoftly(s -> {
        s.assertThat(Money.ofRounded(new BigDecimal("9.995"), EUR, RoundingMode.HALF_EVEN))
            .isEqualTo(Money.of("10.00", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("9.985"), EUR, RoundingMode.HALF_EVEN))
            .isEqualTo(Money.of("9.98", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("9.985"), EUR, RoundingMode.HALF_UP))
            .isEqualTo(Money.of("9.99", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("9.999"), EUR, RoundingMode.DOWN))
            .isEqualTo(Money.of("9.99", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("100.5"), JPY, RoundingMode.HALF_EVEN))
            .isEqualTo(Money.of("100", "JPY"));
        s.assertThat(Money.ofRounded(new BigDecimal("101.5"), JPY, RoundingMode.HALF_EVEN))
            .isEqualTo(Money.of("102", "JPY"));
        s.assertThat(Money.ofRounded(new BigDecimal("3"), EUR, RoundingMode.UNNECESSARY))
            .isEqualTo(Money.of("3.00", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("0.045"), EUR, RoundingMode.HALF_UP))
            .as("a small amount is rounded, not taken for a negligible one").isEqualTo(Money.of("0.05", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("0.0051"), EUR, RoundingMode.HALF_UP))
            .isEqualTo(Money.of("0.01", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("1e-50"), EUR, RoundingMode.UP))
            .isEqualTo(Money.of("0.01", "EUR"));
        s.assertThat(Money.ofRounded(new BigDecimal("-1e-50"), EUR, RoundingMode.HALF_UP))
            .isEqualTo(Money.of("0.00", "EUR"));
      });
    }

    @Test
    @DisplayName("trailing zeros beyond the currency's scale are dropped, down to exactly that scale; a real digit is refused")
    void trailingZeros() {
      assertThat(Money.of("9.990", "EUR")).isEqualTo(Money.of("9.99", "EUR"));
      assertThat(Money.of("9.990", "EUR").amount()).isEqualTo(new BigDecimal("9.99"));
      assertThat(Money.of("9.9000", "EUR").amount()).isEqualTo(new BigDecimal("9.90"));
      assertThat(Money.of("150.0", "JPY").amount()).isEqualTo(new BigDecimal("150"));
      assertThatThrownBy(() -> Money.of("9.991", "EUR"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Money amount 9.991 has more decimal places than EUR allows (2); round it explicitly with "
              + "Money.ofRounded");
    }

    @Test
    @DisplayName("30 integer digits are allowed, 31 are not, whether rounded or given at another scale")
    void integerDigitsEdge() {
      String thirty = "9".repeat(30);
      assertThat(Money.ofRounded(new BigDecimal(thirty + ".004"), EUR, RoundingMode.HALF_UP))
          .isEqualTo(Money.of(thirty + ".00", "EUR"));
      assertThat(Money.of(thirty, "EUR").amount()).isEqualTo(new BigDecimal(thirty + ".00"));
      assertThatThrownBy(() -> Money.ofRounded(new BigDecimal("1" + "0".repeat(30)), EUR, RoundingMode.HALF_UP))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Money amount 1" + "0".repeat(30) + " has more than 30 integer digits");
    }

    @Test
    @DisplayName("zero has the currency's scale and is zero")
    void zero() {
      Money zero = Money.zero(EUR);
      assertSoftly(s -> {
        s.assertThat(zero).isEqualTo(Money.of("0.00", "EUR"));
        s.assertThat(zero.isZero()).isTrue();
        s.assertThat(zero.isNegative()).isFalse();
        s.assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
        s.assertThat(Money.of("-0.01", "EUR").isZero()).isFalse();
      });
    }

    @Test
    @DisplayName("toString is the plain amount and the currency code")
    void toStringFormat() {
      assertSoftly(s -> {
        s.assertThat(Money.of("9.9", "EUR")).hasToString("9.90 EUR");
        s.assertThat(Money.of("-5", "ILS")).hasToString("-5.00 ILS");
        s.assertThat(Money.of("100", "JPY")).hasToString("100 JPY");
        s.assertThat(Money.of(new BigDecimal("1E+7"), USD)).hasToString("10000000.00 USD");
      });
    }
  }

  @Nested
  class Arithmetic {
    @Test
    @DisplayName("plus, minus, times and negate are exact")
    void exactArithmetic() {
      Money a = Money.of("9.90", "EUR");
      Money b = Money.of("0.15", "EUR");
      assertSoftly(s -> {
        s.assertThat(a.plus(b)).isEqualTo(Money.of("10.05", "EUR"));
        s.assertThat(a.minus(b)).isEqualTo(Money.of("9.75", "EUR"));
        s.assertThat(b.minus(a)).isEqualTo(Money.of("-9.75", "EUR"));
        s.assertThat(a.times(3)).isEqualTo(Money.of("29.70", "EUR"));
        s.assertThat(a.times(0)).isEqualTo(Money.of("0.00", "EUR"));
        s.assertThat(a.times(-2)).isEqualTo(Money.of("-19.80", "EUR"));
        s.assertThat(a.negate()).isEqualTo(Money.of("-9.90", "EUR"));
        s.assertThat(a.negate().negate()).isEqualTo(a);
        s.assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
      });
    }

    @Test
    @DisplayName("times(decimal, rounding) rounds the product to the currency's scale")
    void timesDecimal() {
      Money price = Money.of("0.45", "EUR");
      assertSoftly(s -> {
        // 0.45 × 9.7 = 4.365
        s.assertThat(price.times(new BigDecimal("9.7"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("4.36", "EUR"));
        s.assertThat(price.times(new BigDecimal("9.7"), RoundingMode.HALF_UP)).isEqualTo(Money.of("4.37", "EUR"));
        s.assertThat(price.times(new BigDecimal("2"), RoundingMode.UNNECESSARY)).isEqualTo(Money.of("0.90", "EUR"));
      });
    }

    @Test
    @DisplayName("adding, subtracting or comparing different currencies throws IllegalArgumentException")
    void crossCurrency() {
      Money eur = Money.of("1.00", "EUR");
      Money usd = Money.of("1.00", "USD");
      assertThatThrownBy(() -> eur.plus(usd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1.00 EUR")
          .hasMessageContaining("1.00 USD");
      assertThatThrownBy(() -> eur.minus(usd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("currencies differ");
      assertThatThrownBy(() -> eur.compareTo(usd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("compare");
      assertThat(eur).isNotEqualTo(usd);
    }

    @Test
    @DisplayName("compareTo orders amounts of one currency regardless of the written scale")
    void compare() {
      assertSoftly(s -> {
        s.assertThat(Money.of("9.9", "EUR").compareTo(Money.of("9.90", "EUR"))).isZero();
        s.assertThat(Money.of("9.89", "EUR").compareTo(Money.of("9.90", "EUR"))).isNegative();
        s.assertThat(Money.of("-1", "EUR").compareTo(Money.of("-2", "EUR"))).isPositive();
      });
    }
  }

  @Nested
  class Allocate {
    @Test
    @DisplayName("100.00 in 3 parts is 33.34, 33.33, 33.33: the first parts take the remainder")
    void threeParts() {
      assertThat(Money.of("100.00", "EUR").allocate(3))
          .containsExactly(Money.of("33.34", "EUR"), Money.of("33.33", "EUR"), Money.of("33.33", "EUR"));
    }

    @Test
    @DisplayName("a remainder of several minor units goes one each to the first parts")
    void remainderSpread() {
      // 0.05 in 3 parts: 2, 2, 1 cents
      assertThat(Money.of("0.05", "EUR").allocate(3))
          .containsExactly(Money.of("0.02", "EUR"), Money.of("0.02", "EUR"), Money.of("0.01", "EUR"));
      assertThat(Money.of("10", "JPY").allocate(4))
          .containsExactly(Money.of("3", "JPY"), Money.of("3", "JPY"), Money.of("2", "JPY"), Money.of("2", "JPY"));
    }

    @Test
    @DisplayName("a negative amount splits into negative parts, the first ones larger in magnitude")
    void negative() {
      assertThat(Money.of("-100.00", "EUR").allocate(3))
          .containsExactly(Money.of("-33.34", "EUR"), Money.of("-33.33", "EUR"), Money.of("-33.33", "EUR"));
    }

    @Test
    @DisplayName("one part is the amount itself")
    void onePart() {
      assertThat(Money.of("9.99", "EUR").allocate(1)).containsExactly(Money.of("9.99", "EUR"));
    }

    @Test
    @DisplayName("more parts than minor units gives zeros at the end")
    void morePartsThanUnits() {
      assertThat(Money.of("0.02", "EUR").allocate(4)).containsExactly(Money.of("0.01", "EUR"),
          Money.of("0.01", "EUR"), Money.of("0.00", "EUR"), Money.of("0.00", "EUR"));
    }

    @Test
    @DisplayName("zero parts are rejected, naming the value")
    void zeroParts() {
      assertThatThrownBy(() -> Money.of("1.00", "EUR").allocate(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parts")
          .hasMessageContaining("was 0");
    }

    @Test
    @DisplayName("the parts are unmodifiable")
    void unmodifiable() {
      List<Money> parts = Money.of("1.00", "EUR").allocate(2);
      assertThatThrownBy(() -> parts.add(Money.zero(EUR))).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> randomAllocations() {
      Random random = new Random(0x5EEDL);
      Currency[] currencies = {EUR, JPY, BHD, Currency.getInstance("ILS")};
      List<Arguments> cases = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Currency currency = currencies[random.nextInt(currencies.length)];
        long units = random.nextInt(4) == 0
            ? random.nextInt(200) - 100 // small amounts, often fewer units than parts
            : random.nextLong() % 1_000_000_000_000L;
        int parts = random.nextInt(10) == 0 ? 1 + random.nextInt(1200) : 1 + random.nextInt(36);
        Money amount = Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency);
        cases.add(Arguments.of(amount, parts));
      }
      return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} in {1} parts")
    @MethodSource("randomAllocations")
    @DisplayName("parts sum exactly to the amount, there are n of them, and they differ by at most one minor unit")
    void allocationInvariants(Money amount, int n) {
      List<Money> parts = amount.allocate(n);
      BigInteger smallest = parts.stream().map(p -> p.amount().unscaledValue()).min(BigInteger::compareTo)
          .orElseThrow();
      BigInteger largest = parts.stream().map(p -> p.amount().unscaledValue()).max(BigInteger::compareTo)
          .orElseThrow();
      assertSoftly(s -> {
        s.assertThat(parts).hasSize(n);
        s.assertThat(parts.stream().reduce(Money.zero(amount.currency()), Money::plus)).isEqualTo(amount);
        s.assertThat(parts).allSatisfy(p -> assertThat(p.currency()).isEqualTo(amount.currency()));
        s.assertThat(largest.subtract(smallest)).isBetween(BigInteger.ZERO, BigInteger.ONE);
        s.assertThat(parts).allSatisfy(p -> assertThat(p.amount().signum() * amount.amount().signum())
            .isGreaterThanOrEqualTo(0));
        for (int i = 1; i < parts.size(); i++) {
          // the first parts take the remainder: magnitudes never increase along the list
          s.assertThat(parts.get(i).amount().abs()).isLessThanOrEqualTo(parts.get(i - 1).amount().abs());
        }
      });
    }
  }
}
