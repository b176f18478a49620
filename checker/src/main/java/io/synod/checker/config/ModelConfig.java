package io.synod.checker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An immutable TLC model configuration ({@code .cfg} file), every entry with its source position.
 * Read one with {@link ConfigReader}, print one with {@link ConfigPrinter}, and check it against a
 * module with {@link ConfigChecker}.
 *
 * @param file the file name used in diagnostics
 * @param constants {@code N = value} entries of CONSTANT sections, in written order
 * @param substitutions {@code Op <- Def} entries of CONSTANT sections, in written order
 * @param init the INIT predicate
 * @param next the NEXT action
 * @param specification the SPECIFICATION formula
 * @param invariants INVARIANT(S) names in written order
 * @param properties PROPERTY/PROPERTIES names in written order
 * @param constraints CONSTRAINT(S) names in written order
 * @param actionConstraints ACTION_CONSTRAINT(S) names in written order
 * @param symmetry the SYMMETRY set
 * @param view the VIEW expression
 * @param alias the ALIAS record
 * @param postconditions POSTCONDITION(S) names in written order
 * @param checkDeadlock the CHECK_DEADLOCK setting, if written
 * @param possibles _POSSIBLE names in written order
 */
public record ModelConfig(
        String file,
        List<ConstantAssignment> constants,
        List<Substitution> substitutions,
        Optional<NamedEntry> init,
        Optional<NamedEntry> next,
        Optional<NamedEntry> specification,
        List<NamedEntry> invariants,
        List<NamedEntry> properties,
        List<NamedEntry> constraints,
        List<NamedEntry> actionConstraints,
        Optional<NamedEntry> symmetry,
        Optional<NamedEntry> view,
        Optional<NamedEntry> alias,
        List<NamedEntry> postconditions,
        Optional<FlagEntry> checkDeadlock,
        List<NamedEntry> possibles) {

    public ModelConfig {
        Objects.requireNonNull(file);
        constants = List.copyOf(constants);
        substitutions = List.copyOf(substitutions);
        Objects.requireNonNull(init);
        Objects.requireNonNull(next);
        Objects.requireNonNull(specification);
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
        constraints = List.copyOf(constraints);
        actionConstraints = List.copyOf(actionConstraints);
        Objects.requireNonNull(symmetry);
        Objects.requireNonNull(view);
        Objects.requireNonNull(alias);
        postconditions = List.copyOf(postconditions);
        Objects.requireNonNull(checkDeadlock);
        possibles = List.copyOf(possibles);
    }

    /** Whether deadlock is to be checked: TLC's default is yes unless {@code CHECK_DEADLOCK FALSE}. */
    public boolean deadlockChecked() {
        return checkDeadlock.map(FlagEntry::value).orElse(true);
    }

    /** The assignment of {@code name} (root module, without arguments), if any. */
    public Optional<ConstantAssignment> assignment(String name) {
        return constants.stream()
                .filter(c -> c.name().equals(name) && c.arguments().isEmpty() && c.module().isEmpty())
                .findFirst();
    }

    /** The root-module substitution of {@code name}, if any. */
    public Optional<Substitution> substitution(String name) {
        return substitutions.stream()
                .filter(s -> s.name().equals(name) && s.module().isEmpty())
                .findFirst();
    }

    /**
     * The same configuration with every position set to {@link Position#NONE}: two configurations
     * with the same content compare equal after this.
     */
    public ModelConfig withoutPositions() {
        UnaryOperator<NamedEntry> n = NamedEntry::withoutPosition;
        return new ModelConfig(file,
                constants.stream().map(ConstantAssignment::withoutPosition).toList(),
                substitutions.stream().map(Substitution::withoutPosition).toList(),
                init.map(n), next.map(n), specification.map(n),
                invariants.stream().map(n).toList(),
                properties.stream().map(n).toList(),
                constraints.stream().map(n).toList(),
                actionConstraints.stream().map(n).toList(),
                symmetry.map(n), view.map(n), alias.map(n),
                postconditions.stream().map(n).toList(),
                checkDeadlock.map(FlagEntry::withoutPosition),
                possibles.stream().map(n).toList());
    }

    /** A builder for a configuration of file {@code file}. */
    public static Builder builder(String file) {
        return new Builder(file);
    }

    /** Collects entries; not thread-safe, used by one reader or test at a time. */
    public static final class Builder {
        private final String file;
        private final List<ConstantAssignment> constants = new ArrayList<>();
        private final List<Substitution> substitutions = new ArrayList<>();
        private NamedEntry init;
        private NamedEntry next;
        private NamedEntry specification;
        private final List<NamedEntry> invariants = new ArrayList<>();
        private final List<NamedEntry> properties = new ArrayList<>();
        private final List<NamedEntry> constraints = new ArrayList<>();
        private final List<NamedEntry> actionConstraints = new ArrayList<>();
        private NamedEntry symmetry;
        private NamedEntry view;
        private NamedEntry alias;
        private final List<NamedEntry> postconditions = new ArrayList<>();
        private FlagEntry checkDeadlock;
        private final List<NamedEntry> possibles = new ArrayList<>();

        private Builder(String file) {
            this.file = Objects.requireNonNull(file);
        }

        public Builder constant(ConstantAssignment c) { constants.add(c); return this; }
        public Builder substitution(Substitution s) { substitutions.add(s); return this; }
        public Builder init(NamedEntry e) { init = e; return this; }
        public Builder next(NamedEntry e) { next = e; return this; }
        public Builder specification(NamedEntry e) { specification = e; return this; }
        public Builder invariant(NamedEntry e) { invariants.add(e); return this; }
        public Builder property(NamedEntry e) { properties.add(e); return this; }
        public Builder constraint(NamedEntry e) { constraints.add(e); return this; }
        public Builder actionConstraint(NamedEntry e) { actionConstraints.add(e); return this; }
        public Builder symmetry(NamedEntry e) { symmetry = e; return this; }
        public Builder view(NamedEntry e) { view = e; return this; }
        public Builder alias(NamedEntry e) { alias = e; return this; }
        public Builder postcondition(NamedEntry e) { postconditions.add(e); return this; }
        public Builder checkDeadlock(FlagEntry e) { checkDeadlock = e; return this; }
        public Builder possible(NamedEntry e) { possibles.add(e); return this; }

        /** The immutable configuration. */
        public ModelConfig build() {
            return new ModelConfig(file, constants, substitutions,
                    Optional.ofNullable(init), Optional.ofNullable(next), Optional.ofNullable(specification),
                    invariants, properties, constraints, actionConstraints,
                    Optional.ofNullable(symmetry), Optional.ofNullable(view), Optional.ofNullable(alias),
                    postconditions, Optional.ofNullable(checkDeadlock), possibles);
        }
    }
}
