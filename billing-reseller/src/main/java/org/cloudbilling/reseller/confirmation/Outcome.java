package org.cloudbilling.reseller.confirmation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The result of a pure transition: either the new state or the refusals that prevented it; never both.
 *
 * <pre>{@code
 * Outcome<CreditState> o = Confirmation.confirmWhole(state, channel, actor, bill);
 * if (o.isAccepted()) { state = o.state(); } else { log(o.refusals()); }
 * }</pre>
 *
 * @param <S> the state type
 * @param newState the new state when accepted
 * @param refusals the reasons when refused, empty when accepted
 */
public record Outcome<S>(Optional<S> newState, List<Refusal> refusals) {

    public Outcome {
        requireNonNull(newState, "newState");
        refusals = ImmutableList.copyOf(refusals);
        checkArgument(newState.isPresent() != !refusals.isEmpty(), "an outcome has a state or refusals, not both");
    }

    /** Returns an accepted outcome. */
    public static <S> Outcome<S> accepted(S state) {
        return new Outcome<>(Optional.of(state), List.of());
    }

    /** Returns a refused outcome with one reason. */
    public static <S> Outcome<S> refused(Refusal.Reason reason, String message, Object... args) {
        return new Outcome<>(
                Optional.empty(), List.of(new Refusal(reason, String.format(java.util.Locale.ROOT, message, args))));
    }

    /** Returns a refused outcome with the given reasons, at least one. */
    public static <S> Outcome<S> refused(List<Refusal> refusals) {
        return new Outcome<>(Optional.empty(), refusals);
    }

    /** Returns whether the transition was accepted. */
    public boolean isAccepted() {
        return newState.isPresent();
    }

    /**
     * Returns the new state.
     *
     * @throws IllegalStateException if the transition was refused; the message lists the refusals
     */
    public S state() {
        return newState.orElseThrow(() -> new IllegalStateException("refused: " + refusals));
    }

    /** Returns whether a refusal has {@code reason}. */
    public boolean isRefusedFor(Refusal.Reason reason) {
        return refusals.stream().anyMatch(r -> r.reason() == reason);
    }
}
